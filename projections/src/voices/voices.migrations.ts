import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const voicesMigrations: Record<string, Migration> = {
  '2026-11-24T10:03:00_create_voice_consents': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('voice_consents')
        .addColumn('avatar_id', 'uuid', (col) => col.primaryKey())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('basis', 'text', (col) => col.notNull())
        .addColumn('person_name', 'text')
        .addColumn('given_on', 'text', (col) => col.notNull())
        .addColumn('statement', 'text')
        .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
        .addColumn('recorded_by', 'text', (col) => col.notNull())
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
    },
  },
  '2026-11-24T10:04:00_create_voice_samples': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('voice_samples')
        .addColumn('sample_id', 'uuid', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('blob_key', 'text', (col) => col.notNull())
        .addColumn('source', 'jsonb')
        .addColumn('duration_sec', 'double precision')
        .addColumn('loudness_lufs', 'double precision')
        .addColumn('speaker_consistency', 'double precision')
        .addColumn('reason_code', 'text')
        .addColumn('reason', 'text')
        .addColumn('submitted_position', 'bigint', (col) => col.notNull())
        .addColumn('submitted_at', 'timestamptz', (col) => col.notNull())
        .addColumn('accepted_position', 'bigint')
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('voice_samples_by_avatar')
        .on('voice_samples')
        .columns(['avatar_id', 'submitted_position'])
        .execute();
    },
  },
  '2026-12-07T12:00:00_t21c_voice_choice_and_withdrawal': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('voice_consents').addColumn('withdrawn_at', 'timestamptz').execute();
      await db.schema.alterTable('voice_consents').addColumn('last_withdrawal_position', 'bigint').execute();
      await db.schema
        .alterTable('voice_samples')
        .addColumn('replaces_active', 'boolean', (col) => col.notNull().defaultTo(true))
        .execute();
      await db.schema.alterTable('voice_samples').addColumn('activated_position', 'bigint').execute();
      // Before the choice existed, the last accepted sample was the one in use.
      await db.updateTable('voice_samples').set({ activated_position: sql`accepted_position` }).execute();
    },
  },
  '2026-12-07T12:00:02_t21c_voice_sample_previews': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      const columns: [string, 'uuid' | 'text' | 'double precision' | 'timestamptz'][] = [
        ['preview_id', 'uuid'],
        ['preview_text', 'text'],
        ['preview_state', 'text'],
        ['preview_blob_key', 'text'],
        ['preview_duration_sec', 'double precision'],
        ['preview_voice', 'text'],
        ['preview_reason_code', 'text'],
        ['preview_reason', 'text'],
        ['preview_requested_at', 'timestamptz'],
      ];
      for (const [name, type] of columns) await db.schema.alterTable('voice_samples').addColumn(name, type).execute();
    },
  },
};
