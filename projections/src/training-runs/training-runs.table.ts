import type { JsonObject, TrainingStage } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const trainingRunStatuses = ['running', 'completed', 'failed', 'stopped'] as const;
export type TrainingRunStatus = (typeof trainingRunStatuses)[number];

/** One row per training run: what went in, how far it got, what it produced. */
export interface TrainingRunsTable {
  run_id: string;
  avatar_id: string;
  owner_id: string;
  status: TrainingRunStatus;
  stage: TrainingStage | null;
  percent: number;
  /** When the current stage began: with `percent` it gives the ETA. */
  stage_started_at: Date;
  settings: JsonObject;
  material_ids: string[];
  persona_version: number | null;
  snapshot_key: string | null;
  stats: JsonObject | null;
  failure_reason_code: string | null;
  failure_reason: string | null;
  /** `$all` position of TrainingStarted: the stable order of an avatar's runs. */
  started_position: bigint;
  started_at: Date;
  finished_at: Date | null;
  updated_at: Date;
  last_position: bigint;
}

export type TrainingRunRow = Selectable<TrainingRunsTable>;
export type NewTrainingRunRow = Insertable<TrainingRunsTable>;
