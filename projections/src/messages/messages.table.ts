import type { CitedSource, DubVoice, Rating } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const replyStates = ['pending', 'replied', 'failed', 'cancelled'] as const;
export type ReplyState = (typeof replyStates)[number];

export const dubStates = ['none', 'ready', 'failed'] as const;
export type DubState = (typeof dubStates)[number];

export const messageKinds = ['text', 'voice'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** A voice message's transcript: `none` for typed messages. */
export const voiceStates = ['none', 'transcribing', 'transcribed', 'failed'] as const;
export type VoiceState = (typeof voiceStates)[number];

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
  /** What the shown reply drew on, described; null once erased or for replies that described none. */
  reply_sources: StoredSources | null;
  /** How close the best source was to the message, 0–1; null when unknown. */
  reply_closeness: number | null;
  reply_rating: Rating | null;
  /** The message's other replies (regenerated or switched away from), oldest first; null once erased. */
  alternatives: StoredReplies | null;
  edited_at: Date | null;
  /** The user took the message back: it is hidden, its words and replies erased. */
  deleted_at: Date | null;
  failure_reason_code: string | null;
  failure_reason: string | null;
  dub_state: DubState;
  dub_blob_key: string | null;
  dub_duration_sec: number | null;
  dub_voice: DubVoice | null;
  /** `$all` position of DubReady (compared with the avatar's last consent withdrawal). */
  dub_position: bigint | null;
  dub_reason_code: string | null;
  dub_reason: string | null;
  updated_at: Date;
  erased_fields: string[];
  last_position: bigint;
  kind: MessageKind;
  /** The live call this message was a turn of. */
  call_id: string | null;
  voice_state: VoiceState;
  voice_blob_key: string | null;
  voice_media_type: string | null;
  voice_size_bytes: bigint | null;
  voice_language: string | null;
  voice_duration_sec: number | null;
  /** The transcript's timed segments (personal: erased with the chat); an object, as pg sends arrays as SQL arrays. */
  voice_segments: { segments: { startSec: number; endSec: number; text: string }[] } | null;
  /** Barge-in: the user spoke over the reply, which was heard only up to `reply_heard_sec`. */
  reply_cut: boolean;
  reply_heard_sec: number | null;
  reply_spoken_sec: number | null;
  reply_heard_text: string | null;
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;

/**
 * A reply of a message other than the one shown (regenerating keeps the earlier ones; choosing swaps),
 * as the message row keeps it in `alternatives`. jsonb, so dates are ISO strings.
 */
export interface StoredReply {
  readonly replyId: string;
  readonly text: string | null;
  readonly personaVersion: number | null;
  readonly model: string;
  readonly latencyMs: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly sourceIds: readonly string[];
  readonly sources: readonly CitedSource[] | null;
  readonly closeness: number | null;
  readonly rating: Rating | null;
  readonly repliedAt: string;
  readonly dub: {
    readonly state: DubState;
    readonly blobKey: string | null;
    readonly durationSec: number | null;
    readonly voice: DubVoice | null;
    readonly reasonCode: string | null;
    readonly reason: string | null;
    /** `$all` position of its DubReady, as a decimal string (jsonb has no bigint); absent in older rows. */
    readonly position?: string | null;
  };
}

/** Wrapped in an object: node-postgres would send a bare array as a PostgreSQL array, not JSON. */
export interface StoredReplies {
  readonly list: readonly StoredReply[];
}

export interface StoredSources {
  readonly list: readonly CitedSource[];
}

export const noReplies: StoredReplies = { list: [] };
