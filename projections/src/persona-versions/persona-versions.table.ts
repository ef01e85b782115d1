import type { JsonObject } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

/**
 * One row per persona version (a completed run), never changed afterwards.
 * Which version is active lives on the avatar (`active_persona_version`), so a
 * rollback changes one row; the queries return the flag joined in.
 */
export interface PersonaVersionsTable {
  avatar_id: string;
  version: number;
  owner_id: string;
  run_id: string;
  snapshot_key: string;
  stats: JsonObject;
  created_at: Date;
  last_position: bigint;
}

export type PersonaVersionRow = Selectable<PersonaVersionsTable>;
export type NewPersonaVersionRow = Insertable<PersonaVersionsTable>;
