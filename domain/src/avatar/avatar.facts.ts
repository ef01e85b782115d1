import type { AvatarState } from './avatar.state.ts';

/** What a chat needs to know about its avatar, read by the handler from the avatar stream. */
export type AvatarFacts = {
  readonly avatarId: string;
  readonly ownerId: string;
  readonly deleted: boolean;
  readonly activePersonaVersion: number | null;
  /** Every completed persona version, oldest first: a chat may be pinned to any of them. */
  readonly personaVersions: readonly number[];
};

/** `null` when the avatar never existed. */
export function avatarFactsOf(state: AvatarState): AvatarFacts | null {
  if (state.status === 'absent') return null;
  if (state.status === 'deleted') {
    return {
      avatarId: state.avatarId,
      ownerId: state.ownerId,
      deleted: true,
      activePersonaVersion: null,
      personaVersions: [],
    };
  }
  return {
    avatarId: state.avatarId,
    ownerId: state.ownerId,
    deleted: false,
    activePersonaVersion: state.activePersonaVersion,
    personaVersions: [...state.personaVersions.keys()].sort((a, b) => a - b),
  };
}
