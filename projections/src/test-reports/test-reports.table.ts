import type { JsonObject } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

/** The latest test report of each tested run (a run may be tested again, e.g. with a better test). */
export interface AvatarTestReportsTable {
  run_id: string;
  avatar_id: string;
  owner_id: string;
  persona_version: number;
  /** 'running' from AvatarTestStarted until AvatarTested makes it 'done'. */
  status: 'running' | 'done';
  /** May quote the person's held-out replies, hence personal; null while a first test runs. */
  report: JsonObject | null;
  /** When the latest test began; null for tests recorded before starts were. */
  started_at: Date | null;
  created_at: Date;
  updated_at: Date;
  erased_fields: string[];
  last_position: bigint;
}

export type TestReportRow = Selectable<AvatarTestReportsTable>;
export type NewTestReportRow = Insertable<AvatarTestReportsTable>;
