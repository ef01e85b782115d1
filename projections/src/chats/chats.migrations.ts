import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const chatsMigrations: Record<string, Migration> = {
  '2026-11-24T10:09:00_create_chats': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('chats')
        .addColumn('chat_id', 'uuid', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('title', 'text')
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('message_count', 'integer', (col) => col.notNull())
        .addColumn('last_message_at', 'timestamptz')
        .addColumn('opened_position', 'bigint', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('deleted_at', 'timestamptz')
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('chats_by_avatar').on('chats').columns(['avatar_id', 'opened_position']).execute();
    },
  },
  '2026-12-01T23:45:00_chats_persona_version': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('chats').addColumn('persona_version', 'integer').execute();
    },
  },
};
