import {
  type AvatarEvent,
  type AvatarState,
  avatarDecider,
  avatarStream,
  type JsonObject,
  type PersonaCard,
  voiceSampleBlobKey,
} from '@bishop/domain';
import { aggregateOf, type EventStore, type StreamFold } from '@bishop/domain/ports';

export interface TestedVersion {
  readonly runId: string;
  readonly personaVersion: number;
  readonly snapshotKey: string;
}

/** What the avatar test needs to know about the avatar, read from its stream. */
export type AvatarUnderTest =
  | { readonly status: 'skip'; readonly why: string }
  | {
      readonly status: 'test';
      readonly avatarId: string;
      readonly ownerId: string;
      readonly name: string;
      readonly card: PersonaCard;
      readonly version: TestedVersion;
      /** The version that answered before this run completed; null for a first version. */
      readonly previous: (TestedVersion & { readonly report: JsonObject | null }) | null;
      /** The accepted voice sample dubs clone from, and whether cloning is consented. */
      readonly voice: { readonly sampleBlobKey: string | null; readonly consent: boolean };
    };

/**
 * Folds the avatar stream with the decider's own `evolve`: the completed run,
 * and — from the events before its TrainingCompleted — the version that was
 * active until then. A run already tested, or no longer there, is skipped.
 */
export async function avatarUnderTest(
  eventStore: EventStore,
  avatarId: string,
  runId: string,
  completedAt: bigint,
): Promise<AvatarUnderTest> {
  const { before, now } = (await aggregateOf(eventStore, avatarStream(avatarId), nowAndBefore(completedAt))).state;
  if (now.status !== 'idle' && now.status !== 'training') return { status: 'skip', why: 'the avatar is gone' };
  const run = now.finishedRuns.get(runId);
  if (run?.status !== 'completed') return { status: 'skip', why: 'the run did not complete' };
  if (run.lastReport !== null) return { status: 'skip', why: 'the run is already tested' };
  const previousVersion = before.status === 'idle' || before.status === 'training' ? before.activePersonaVersion : null;
  const previousRunId = previousVersion === null ? undefined : now.personaVersions.get(previousVersion);
  const previousRun = previousRunId === undefined ? undefined : now.finishedRuns.get(previousRunId);
  const { consent, activeSampleId } = now.voice;
  return {
    status: 'test',
    avatarId,
    ownerId: now.ownerId,
    name: now.name,
    card: now.personaCard,
    version: { runId, personaVersion: run.personaVersion, snapshotKey: run.snapshotKey },
    previous:
      previousVersion !== null && previousRunId !== undefined && previousRun?.status === 'completed'
        ? {
            runId: previousRunId,
            personaVersion: previousVersion,
            snapshotKey: previousRun.snapshotKey,
            report: previousRun.lastReport,
          }
        : null,
    voice: {
      sampleBlobKey: activeSampleId === null ? null : voiceSampleBlobKey(avatarId, activeSampleId),
      consent: consent !== null,
    },
  };
}

/** The avatar now, and as it was before revision `completedAt`. */
function nowAndBefore(completedAt: bigint): StreamFold<{ now: AvatarState; before: AvatarState }, AvatarEvent> {
  return {
    initialState: () => ({ now: avatarDecider.initialState(), before: avatarDecider.initialState() }),
    evolve: ({ now, before }, event, recorded) => {
      const next = avatarDecider.evolve(now, event);
      return { now: next, before: recorded.revision < completedAt ? next : before };
    },
  };
}
