import { avatarDecider, avatarStream, type PersonaCard } from '@bishop/domain';
import { aggregateOf, type EventStore } from '@bishop/domain/ports';

/** The avatar as a reply needs it: its name and card, and which persona version answers. */
export type AvatarForReply =
  | { readonly status: 'absent' | 'deleted' }
  | {
      readonly status: 'live';
      readonly name: string;
      readonly card: PersonaCard;
      /** The chat's pinned version, else the active one (the last completed, or the one rolled back to); null: untrained. */
      readonly persona: { readonly version: number; readonly snapshotKey: string } | null;
    };

/**
 * Folds the avatar stream with the avatar decider's own `evolve`, then
 * follows activePersonaVersion → personaVersions (its run) → finishedRuns
 * (that run's snapshot), so replies honour a rollback at once. A chat pinned
 * to a version (time travel) keeps answering with that one.
 */
export async function avatarForReply(
  eventStore: EventStore,
  avatarId: string,
  pinnedVersion: number | null = null,
): Promise<AvatarForReply> {
  const { state } = await aggregateOf(eventStore, avatarStream(avatarId), avatarDecider);
  if (state.status === 'absent' || state.status === 'deleted') return { status: state.status };
  const version =
    pinnedVersion !== null && state.personaVersions.has(pinnedVersion) ? pinnedVersion : state.activePersonaVersion;
  const runId = version === null ? undefined : state.personaVersions.get(version);
  const run = runId === undefined ? undefined : state.finishedRuns.get(runId);
  return {
    status: 'live',
    name: state.name,
    card: state.personaCard,
    persona: version !== null && run?.status === 'completed' ? { version, snapshotKey: run.snapshotKey } : null,
  };
}
