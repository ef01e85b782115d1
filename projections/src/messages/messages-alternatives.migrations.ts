import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const messageAlternativesMigrations: Record<string, Migration> = {
  '2026-12-07T12:30:00_t21b_message_alternatives': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('messages')
        .addColumn('reply_sources', 'jsonb')
        .addColumn('reply_closeness', 'double precision')
        .addColumn('reply_rating', 'text')
        .addColumn('alternatives', 'jsonb', (col) => col.defaultTo(sql`'{"list":[]}'::jsonb`))
        .addColumn('edited_at', 'timestamptz')
        .addColumn('deleted_at', 'timestamptz')
        .execute();
    },
  },
};
