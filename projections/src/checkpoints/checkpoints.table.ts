import type { Insertable, Selectable } from 'kysely';

/** How far each projector got in `$all`; written in the same transaction as the rows it covers. */
export interface ProjectionCheckpointsTable {
  name: string;
  position: bigint;
  updated_at: Date;
}

export type CheckpointRow = Selectable<ProjectionCheckpointsTable>;
export type NewCheckpointRow = Insertable<ProjectionCheckpointsTable>;
