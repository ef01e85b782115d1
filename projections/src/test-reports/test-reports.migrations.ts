import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const testReportsMigrations: Record<string, Migration> = {
  '2026-11-24T10:08:00_create_avatar_test_reports': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('avatar_test_reports')
        .addColumn('run_id', 'uuid', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('persona_version', 'integer', (col) => col.notNull())
        .addColumn('report', 'jsonb')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('avatar_test_reports_by_avatar')
        .on('avatar_test_reports')
        .columns(['avatar_id', 'persona_version'])
        .execute();
    },
  },
  '2026-12-07T10:00:00_avatar_test_reports_status': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('avatar_test_reports')
        .addColumn('status', 'text', (col) => col.notNull().defaultTo('done'))
        .addColumn('started_at', 'timestamptz')
        .execute();
    },
  },
};
