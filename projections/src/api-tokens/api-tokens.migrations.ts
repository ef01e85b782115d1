import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const apiTokensMigrations: Record<string, Migration> = {
  '2026-11-24T10:01:00_create_api_tokens': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('api_tokens')
        .addColumn('token_id', 'uuid', (col) => col.primaryKey())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('name', 'text')
        .addColumn('token_hash', 'text')
        .addColumn('issued_at', 'timestamptz', (col) => col.notNull())
        .addColumn('revoked_at', 'timestamptz')
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('api_tokens_by_owner').on('api_tokens').columns(['owner_id', 'issued_at']).execute();
      await db.schema.createIndex('api_tokens_by_hash').on('api_tokens').column('token_hash').execute();
    },
  },
};
