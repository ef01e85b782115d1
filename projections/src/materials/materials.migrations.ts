import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const materialsMigrations: Record<string, Migration> = {
  '2026-11-24T10:05:00_create_materials': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('materials')
        .addColumn('material_id', 'uuid', (col) => col.primaryKey())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('file_name', 'text')
        .addColumn('media_type', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('size_bytes', 'bigint', (col) => col.notNull())
        .addColumn('sha256', 'text', (col) => col.notNull())
        .addColumn('blob_key', 'text', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('removed', 'boolean', (col) => col.notNull())
        .addColumn('failure_reason_code', 'text')
        .addColumn('failure_reason', 'text')
        .addColumn('text_blob_key', 'text')
        .addColumn('segments_blob_key', 'text')
        .addColumn('char_count', 'integer')
        .addColumn('duration_sec', 'double precision')
        .addColumn('language', 'text')
        .addColumn('participants', sql`text[]`)
        .addColumn('chosen_participant', 'text')
        .addColumn('preview', 'text')
        .addColumn('uploaded_position', 'bigint', (col) => col.notNull())
        .addColumn('uploaded_at', 'timestamptz', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('removed_at', 'timestamptz')
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('materials_by_avatar')
        .on('materials')
        .columns(['avatar_id', 'uploaded_position'])
        .execute();
    },
  },
  '2026-12-06T21:00:00_materials_chat_facts_media_notes': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('materials')
        .addColumn('chat_facts', 'jsonb')
        .addColumn('decoded_media', 'jsonb')
        .addColumn('notes', sql`text[]`)
        .execute();
    },
  },
  '2026-12-06T21:00:01_materials_speaker_tags': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('materials')
        .addColumn('speaker_sample_id', 'uuid')
        .addColumn('speaker_threshold', 'double precision')
        .addColumn('person_speech_sec', 'double precision')
        .addColumn('other_speech_sec', 'double precision')
        .addColumn('speaker_failure_code', 'text')
        .addColumn('speaker_failure_reason', 'text')
        .execute();
    },
  },
  '2026-12-07T04:00:00_materials_chosen_participants': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('materials').addColumn('chosen_participants', sql`text[]`).execute();
    },
  },
};
