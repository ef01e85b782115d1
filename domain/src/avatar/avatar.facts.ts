import type { AvatarState } from './avatar.state.ts';

/** What a chat needs to know about its avatar, read by the handler from the avatar stream. */
export type AvatarFacts = {
  readonly avatarId: string;
  readonly ownerId: string;
  readonly deleted: boolean;
  readonly activePersonaVersion: number | null;
};

/** `null` when the avatar never existed. */
export function avatarFactsOf(state: AvatarState): AvatarFacts | null {
  if (state.status === 'absent') return null;
  if (state.status === 'deleted') {
    return { avatarId: state.avatarId, ownerId: state.ownerId, deleted: true, activePersonaVersion: null };
  }
  return {
    avatarId: state.avatarId,
    ownerId: state.ownerId,
    deleted: false,
    activePersonaVersion: state.activePersonaVersion,
  };
}
