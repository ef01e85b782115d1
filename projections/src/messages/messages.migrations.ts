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
};
