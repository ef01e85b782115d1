import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const personaVersionsMigrations: Record<string, Migration> = {
  '2026-11-24T10:07:00_create_persona_versions': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('persona_versions')
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('run_id', 'uuid', (col) => col.notNull())
        .addColumn('snapshot_key', 'text', (col) => col.notNull())
        .addColumn('stats', 'jsonb', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('persona_versions_pkey', ['avatar_id', 'version'])
        .execute();
    },
  },
};
