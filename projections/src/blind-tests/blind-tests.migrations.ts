import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const blindTestsMigrations: Record<string, Migration> = {
  '2026-12-07T12:00:00_create_blind_tests': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('blind_test_invites')
        .addColumn('invite_id', 'uuid', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('token_hash', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
        .addColumn('revoked_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('guesses', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('blind_test_invites_by_token')
        .on('blind_test_invites')
        .column('token_hash')
        .execute();
      await db.schema
        .createIndex('blind_test_invites_by_avatar')
        .on('blind_test_invites')
        .columns(['avatar_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('blind_test_scores')
        .addColumn('score_id', 'text', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('persona_version', 'integer', (col) => col.notNull())
        .addColumn('guesses', 'integer', (col) => col.notNull())
        .addColumn('correct', 'integer', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('blind_test_scores_by_avatar').on('blind_test_scores').column('avatar_id').execute();
    },
  },
};
