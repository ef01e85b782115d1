import type { DubVoice } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const replyStates = ['pending', 'replied', 'failed', 'cancelled'] as const;
export type ReplyState = (typeof replyStates)[number];

export const dubStates = ['none', 'ready', 'failed'] as const;
export type DubState = (typeof dubStates)[number];

/** A message the user sent, with the avatar's reply and its spoken version on the same row. */
export interface MessagesTable {
  message_id: string;
  chat_id: string;
  avatar_id: string;
  owner_id: string;
  text: string | null;
  /** `$all` position of MessageSent: the stable order of a chat's messages. */
  sent_position: bigint;
  sent_at: Date;
  reply_state: ReplyState;
  reply_id: string | null;
  reply_text: string | null;
  reply_persona_version: number | null;
  reply_model: string | null;
  reply_latency_ms: number | null;
  reply_prompt_tokens: number | null;
  reply_completion_tokens: number | null;
  reply_source_ids: string[] | null;
  replied_at: Date | null;
  failure_reason_code: string | null;
  failure_reason: string | null;
  dub_state: DubState;
  dub_blob_key: string | null;
  dub_duration_sec: number | null;
  dub_voice: DubVoice | null;
  dub_reason_code: string | null;
  dub_reason: string | null;
  updated_at: Date;
  erased_fields: string[];
  last_position: bigint;
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;
