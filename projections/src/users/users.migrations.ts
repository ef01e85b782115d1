import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const usersMigrations: Record<string, Migration> = {
  '2026-11-24T10:00:00_create_users': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('user_id', 'uuid', (col) => col.primaryKey())
        .addColumn('email', 'text')
        .addColumn('full_name', 'text')
        .addColumn('registered_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
    },
  },
  '2026-12-01T23:30:00_users_deleted_at': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('deleted_at', 'timestamptz').execute();
    },
  },
};
