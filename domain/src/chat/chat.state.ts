import type { Failure } from '../kernel/failure.ts';
import type { Dub, Reply } from './chat.events.ts';

/** A message ends with exactly one outcome: a reply or a failure (a cancel is a failure). */
export type ChatMessage =
  | { readonly status: 'awaitingReply' }
  | { readonly status: 'replied'; readonly reply: Reply }
  | { readonly status: 'failed'; readonly failure: Failure };

export type DubOutcome =
  | { readonly status: 'ready'; readonly dub: Dub }
  | { readonly status: 'failed'; readonly failure: Failure };

export type ChatReply = { readonly messageId: string; readonly dub: DubOutcome | null };

export type NoChat = { readonly status: 'absent' };

export type ActiveChat = {
  readonly status: 'open';
  readonly chatId: string;
  readonly avatarId: string;
  readonly ownerId: string;
  readonly title: string;
  /** The persona version pinned at opening (time travel), or null for the active one. */
  readonly personaVersion: number | null;
  readonly messages: ReadonlyMap<string, ChatMessage>;
  readonly replies: ReadonlyMap<string, ChatReply>;
};

export type DeletedChat = {
  readonly status: 'deleted';
  readonly chatId: string;
  readonly avatarId: string;
  readonly ownerId: string;
};

export type ChatState = NoChat | ActiveChat | DeletedChat;
