import {
  type AvatarState,
  avatarDecider,
  avatarStream,
  emptyPersonaCard,
  type LiveAvatar,
  type Material,
  type PersonaCard,
} from '@bishop/domain';
import { type Aggregate, aggregateOf, type EventStore } from '@bishop/domain/ports';

/** A material of the run, ready (extracted) when the run started. */
export type RunMaterial = Extract<Material, { status: 'ready' }>;

/** Where the run stands in the avatar's history. */
export type RunStatus = 'running' | 'stopped' | 'failed' | 'completed' | 'superseded' | 'gone';

export interface TrainingRunView {
  readonly avatarId: string;
  readonly ownerId: string;
  readonly card: PersonaCard;
  readonly status: RunStatus;
  /** The run's materials still usable (removed ones are left out), in upload order. */
  readonly materials: readonly RunMaterial[];
  /** Of the run's materials, those removed since it started. */
  readonly removedMaterialIds: readonly string[];
  /** The avatar's accepted voice sample: recordings should be tagged against it. */
  readonly voiceSampleId: string | null;
  /** The snapshot of the avatar's newest persona version, whose held-out pairs stay held out; null before any. */
  readonly latestSnapshotKey: string | null;
}

/**
 * Follows the avatar stream for one run: folds it once, then reads only
 * what was appended since, so checking for a stop between batches is cheap.
 */
export function watchTrainingRun(eventStore: EventStore, avatarId: string, runId: string) {
  let avatar: Aggregate<AvatarState> | undefined;

  async function refresh(): Promise<TrainingRunView> {
    avatar = await aggregateOf(eventStore, avatarStream(avatarId), avatarDecider, avatar);
    return viewOf(avatar.state, runId);
  }

  return { refresh };
}

function viewOf(state: AvatarState, runId: string): TrainingRunView {
  if (state.status === 'absent' || state.status === 'deleted') {
    return {
      avatarId: '',
      ownerId: '',
      card: emptyPersonaCard(),
      status: 'gone',
      materials: [],
      removedMaterialIds: [],
      voiceSampleId: null,
      latestSnapshotKey: null,
    };
  }
  const materialIds = runMaterialIds(state, runId);
  const ready = materialIds.flatMap((id) => {
    const material = state.materials.get(id);
    return material?.status === 'ready' ? [material] : [];
  });
  return {
    avatarId: state.avatarId,
    ownerId: state.ownerId,
    card: state.personaCard,
    status: statusOf(state, runId),
    materials: ready,
    removedMaterialIds: materialIds.filter((id) => state.materials.get(id)?.status !== 'ready'),
    voiceSampleId: state.voice.activeSampleId,
    latestSnapshotKey: latestSnapshotKey(state),
  };
}

/** The newest version, not the active one: after a rollback the newer version's held-out pairs still count. */
function latestSnapshotKey(avatar: LiveAvatar): string | null {
  const newest = Math.max(0, ...avatar.personaVersions.keys());
  const run = avatar.finishedRuns.get(avatar.personaVersions.get(newest) ?? '');
  return run?.status === 'completed' ? run.snapshotKey : null;
}

function statusOf(avatar: LiveAvatar, runId: string): RunStatus {
  if (avatar.status === 'training' && avatar.run.runId === runId) return 'running';
  const finished = avatar.finishedRuns.get(runId);
  // Not running and not finished: another run started in its place (this one's start was never folded).
  return finished?.status ?? 'superseded';
}

// Run material ids live only on the running run; a finished run no longer needs them.
function runMaterialIds(avatar: LiveAvatar, runId: string): readonly string[] {
  return avatar.status === 'training' && avatar.run.runId === runId ? avatar.run.materialIds : [];
}
