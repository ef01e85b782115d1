import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const timelineMigrations: Record<string, Migration> = {
  '2026-11-24T10:11:00_create_avatar_timeline': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('avatar_timeline')
        .addColumn('position', 'bigint', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('chat_id', 'uuid')
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('event_type', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'text', (col) => col.notNull())
        .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
        .addColumn('summary', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('avatar_timeline_by_avatar')
        .on('avatar_timeline')
        .columns(['avatar_id', 'position'])
        .execute();
    },
  },
  '2026-12-01T22:30:00_timeline_chain_links': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('avatar_timeline').addColumn('revision', 'bigint').execute();
      await db.schema.alterTable('avatar_timeline').addColumn('chain_hash', 'text').execute();
    },
  },
  // A timeline filtered by kind (the web's filter chips) is a keyset walk too: without this index the
  // planner fetched and sorted every entry of the kind (checked by read-model-pagination.explain.test.ts).
  '2026-12-08T02:24:00_t24_timeline_by_avatar_kind': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex('avatar_timeline_by_avatar_kind')
        .on('avatar_timeline')
        .columns(['avatar_id', 'kind', 'position'])
        .execute();
    },
  },
  '2026-12-08T01:00:00_t21a_timeline_details': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('avatar_timeline').addColumn('details', 'jsonb').execute();
    },
  },
};
