import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const avatarsMigrations: Record<string, Migration> = {
  '2026-11-24T10:02:00_create_avatars': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('avatars')
        .addColumn('avatar_id', 'uuid', (col) => col.primaryKey())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('name', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('description', 'text')
        .addColumn('personality', 'text')
        .addColumn('scenario', 'text')
        .addColumn('instructions', 'text')
        .addColumn('gender', 'text')
        .addColumn('languages', sql`text[]`, (col) => col.notNull())
        .addColumn('active_persona_version', 'integer')
        .addColumn('training_run_id', 'uuid')
        .addColumn('material_count', 'integer', (col) => col.notNull())
        .addColumn('chat_count', 'integer', (col) => col.notNull())
        .addColumn('created_position', 'bigint', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('deleted_at', 'timestamptz')
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('avatars_by_owner').on('avatars').columns(['owner_id', 'created_position']).execute();
    },
  },
};
