import type { Insertable, Selectable } from 'kysely';

/** How far each projector got in `$all`; written in the same transaction as the rows it covers. */
export interface ProjectionCheckpointsTable {
  name: string;
  position: bigint;
  updated_at: Date;
  /** Set while the projector cannot apply the event after `position`; cleared by the commit that gets past it. */
  stalled_position: bigint | null;
  stalled_event_type: string | null;
  stalled_reason: string | null;
  stalled_since: Date | null;
  stalled_attempts: number | null;
}

export type CheckpointRow = Selectable<ProjectionCheckpointsTable>;
export type NewCheckpointRow = Insertable<ProjectionCheckpointsTable>;
