import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const checkpointsMigrations: Record<string, Migration> = {
  '2026-11-24T10:12:00_create_projection_checkpoints': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .execute();
    },
  },
  '2026-12-02T09:00:00_projection_checkpoints_stall': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('projection_checkpoints')
        .addColumn('stalled_position', 'bigint')
        .addColumn('stalled_event_type', 'text')
        .addColumn('stalled_reason', 'text')
        .addColumn('stalled_since', 'timestamptz')
        .addColumn('stalled_attempts', 'integer')
        .execute();
    },
  },
};
