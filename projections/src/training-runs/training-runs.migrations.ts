import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const trainingRunsMigrations: Record<string, Migration> = {
  '2026-11-24T10:06:00_create_training_runs': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('training_runs')
        .addColumn('run_id', 'uuid', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('stage', 'text')
        .addColumn('percent', 'double precision', (col) => col.notNull())
        .addColumn('stage_started_at', 'timestamptz', (col) => col.notNull())
        .addColumn('settings', 'jsonb', (col) => col.notNull())
        .addColumn('material_ids', sql`text[]`, (col) => col.notNull())
        .addColumn('persona_version', 'integer')
        .addColumn('snapshot_key', 'text')
        .addColumn('stats', 'jsonb')
        .addColumn('failure_reason_code', 'text')
        .addColumn('failure_reason', 'text')
        .addColumn('started_position', 'bigint', (col) => col.notNull())
        .addColumn('started_at', 'timestamptz', (col) => col.notNull())
        .addColumn('finished_at', 'timestamptz')
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('training_runs_by_avatar')
        .on('training_runs')
        .columns(['avatar_id', 'started_position'])
        .execute();
    },
  },
};
