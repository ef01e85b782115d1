import type { Failure } from '../kernel/failure.ts';
import type { CallEnd, Dub, Rating, Reply, VoiceTranscript } from './chat.events.ts';

type MessageBase = {
  /** The message's current words (a voice message's transcript; empty until transcribed). */
  readonly text: string;
  /** Every reply made to these words, oldest first (regenerating adds one; editing starts over). */
  readonly replyIds: readonly string[];
};

/**
 * A message waits for one outcome at a time: a reply (the one shown) or a failure (a cancel is a failure).
 * A voice message first waits for its transcript (`transcribing`); a failed transcript is its outcome.
 * Regenerating or editing waits again; a deleted message takes nothing more.
 */
export type ChatMessage = MessageBase &
  (
    | { readonly status: 'transcribing' }
    | { readonly status: 'awaitingReply' }
    | { readonly status: 'replied'; readonly reply: Reply }
    | { readonly status: 'failed'; readonly failure: Failure }
    | { readonly status: 'deleted' }
  );

export type DubOutcome =
  | { readonly status: 'ready'; readonly dub: Dub }
  | { readonly status: 'failed'; readonly failure: Failure };

/** What a voice message keeps in the decider's state: its call (null: sent on its own) and transcript text. */
export type VoiceMessage = { readonly callId: string | null; readonly transcript: VoiceTranscript | null };

export type ChatReply = {
  readonly messageId: string;
  readonly reply: Reply;
  readonly rating: Rating | null;
  readonly dub: DubOutcome | null;
  readonly cut: boolean;
};

export type CallState = { readonly status: 'active' } | { readonly status: 'ended'; readonly end: CallEnd };

export type NoChat = { readonly status: 'absent' };

export type ActiveChat = {
  readonly status: 'open';
  readonly chatId: string;
  readonly avatarId: string;
  readonly ownerId: string;
  /** Null until the first message names a chat opened without a title. */
  readonly title: string | null;
  /** The persona version pinned at opening (time travel), or null for the active one. */
  readonly personaVersion: number | null;
  readonly messages: ReadonlyMap<string, ChatMessage>;
  readonly replies: ReadonlyMap<string, ChatReply>;
  /** Voice messages by message id (their status lives in `messages`). */
  readonly voices: ReadonlyMap<string, VoiceMessage>;
  readonly calls: ReadonlyMap<string, CallState>;
};

export type DeletedChat = {
  readonly status: 'deleted';
  readonly chatId: string;
  readonly avatarId: string;
  readonly ownerId: string;
};

export type ChatState = NoChat | ActiveChat | DeletedChat;
