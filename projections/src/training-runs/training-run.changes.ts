import type { AvatarRow } from '../avatars/avatars.table.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import type { TrainingRunRow } from './training-runs.table.ts';

/** A training run's row after an event of its avatar; `undefined` when untouched. */
export function trainingRunAfter(
  run: TrainingRunRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): TrainingRunRow | undefined {
  if (event.type === 'TrainingStarted') {
    return {
      run_id: event.data.runId,
      avatar_id: avatar.avatar_id,
      owner_id: avatar.owner_id,
      status: 'running',
      stage: null,
      percent: 0,
      stage_started_at: event.occurredAt,
      settings: event.data.settings,
      material_ids: event.data.materialIds,
      persona_version: null,
      snapshot_key: null,
      stats: null,
      failure_reason_code: null,
      failure_reason: null,
      started_position: event.position,
      started_at: event.occurredAt,
      finished_at: null,
      updated_at: event.occurredAt,
      last_position: event.position,
    };
  }
  if (run === undefined) return undefined;
  const changed = (fields: Partial<TrainingRunRow>) => changedBy(run, event, fields);
  const finished = { finished_at: event.occurredAt };
  switch (event.type) {
    case 'TrainingProgressed':
      return changed({ stage: event.data.stage, percent: event.data.percent, stage_started_at: event.occurredAt });
    case 'TrainingCompleted':
      return changed({
        ...finished,
        status: 'completed',
        percent: 100,
        persona_version: event.data.personaVersion,
        snapshot_key: event.data.snapshotKey,
        stats: event.data.stats,
      });
    case 'TrainingFailed':
      return changed({
        ...finished,
        status: 'failed',
        failure_reason_code: event.data.reasonCode,
        failure_reason: event.data.reason,
      });
    case 'TrainingStopped':
      return changed({ ...finished, status: 'stopped' });
    default:
      return leftAsIs(ignoredBy.trainingRuns, event);
  }
}
