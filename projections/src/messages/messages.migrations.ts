import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit a shipped migration, add a newer timestamped one.
export const messagesMigrations: Record<string, Migration> = {
  '2026-11-24T10:10:00_create_messages': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('messages')
        .addColumn('message_id', 'uuid', (col) => col.primaryKey())
        .addColumn('chat_id', 'uuid', (col) => col.notNull())
        .addColumn('avatar_id', 'uuid', (col) => col.notNull())
        .addColumn('owner_id', 'uuid', (col) => col.notNull())
        .addColumn('text', 'text')
        .addColumn('sent_position', 'bigint', (col) => col.notNull())
        .addColumn('sent_at', 'timestamptz', (col) => col.notNull())
        .addColumn('reply_state', 'text', (col) => col.notNull())
        .addColumn('reply_id', 'uuid')
        .addColumn('reply_text', 'text')
        .addColumn('reply_persona_version', 'integer')
        .addColumn('reply_model', 'text')
        .addColumn('reply_latency_ms', 'integer')
        .addColumn('reply_prompt_tokens', 'integer')
        .addColumn('reply_completion_tokens', 'integer')
        .addColumn('reply_source_ids', sql`text[]`)
        .addColumn('replied_at', 'timestamptz')
        .addColumn('failure_reason_code', 'text')
        .addColumn('failure_reason', 'text')
        .addColumn('dub_state', 'text', (col) => col.notNull())
        .addColumn('dub_blob_key', 'text')
        .addColumn('dub_duration_sec', 'double precision')
        .addColumn('dub_voice', 'text')
        .addColumn('dub_reason_code', 'text')
        .addColumn('dub_reason', 'text')
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('erased_fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
        .addColumn('last_position', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('messages_by_chat').on('messages').columns(['chat_id', 'sent_position']).execute();
      await db.schema.createIndex('messages_by_reply').on('messages').column('reply_id').execute();
    },
  },
  '2026-12-07T12:00:01_t21c_messages_dub_position': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      // Where the dub was recorded: a cloned dub before a consent withdrawal was made under that consent.
      await db.schema.alterTable('messages').addColumn('dub_position', 'bigint').execute();
    },
  },
  // Voice messages (recorded, uploaded or spoken in a call) and barge-in cuts of replies.
  '2026-12-07T20:00:00_t22_voice_messages': {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not follow today's table types
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('messages')
        .addColumn('kind', 'text', (col) => col.notNull().defaultTo('text'))
        .addColumn('call_id', 'uuid')
        .addColumn('voice_state', 'text', (col) => col.notNull().defaultTo('none'))
        .addColumn('voice_blob_key', 'text')
        .addColumn('voice_media_type', 'text')
        .addColumn('voice_size_bytes', 'bigint')
        .addColumn('voice_language', 'text')
        .addColumn('voice_duration_sec', 'double precision')
        .addColumn('voice_segments', 'jsonb')
        .addColumn('reply_cut', 'boolean', (col) => col.notNull().defaultTo(false))
        .addColumn('reply_heard_sec', 'double precision')
        .addColumn('reply_spoken_sec', 'double precision')
        .addColumn('reply_heard_text', 'text')
        .execute();
    },
  },
};
