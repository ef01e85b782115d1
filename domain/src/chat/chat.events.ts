import type { Failure } from '../kernel/failure.ts';

type Event<Type extends string, Data> = { type: Type; data: Data };

export const dubVoices = ['cloned', 'generic'] as const;
export type DubVoice = (typeof dubVoices)[number];

export type Reply = {
  messageId: string;
  replyId: string;
  text: string;
  /** The persona version that answered; null when the avatar had none (retrieval-only or untrained). */
  personaVersion: number | null;
  model: string;
  latencyMs: number;
  promptTokens: number;
  completionTokens: number;
  /** Chunks and exemplars the reply drew on, for audit. */
  sourceIds: string[];
};
export type Dub = { replyId: string; blobKey: string; durationSec: number; voice: DubVoice };

export type ChatOpened = Event<
  'ChatOpened',
  {
    chatId: string;
    avatarId: string;
    ownerId: string;
    title: string;
    /** Time travel: the persona version this chat always answers with; null follows the active version. */
    personaVersion: number | null;
  }
>;
export type ChatRenamed = Event<'ChatRenamed', { title: string }>;
export type MessageSent = Event<'MessageSent', { messageId: string; text: string }>;
export type ReplyGenerated = Event<'ReplyGenerated', Reply>;
/** Also how a cancel is recorded: reasonCode `CANCELLED`. */
export type ReplyFailed = Event<'ReplyFailed', { messageId: string } & Failure>;
export type DubReady = Event<'DubReady', Dub>;
export type DubFailed = Event<'DubFailed', { replyId: string } & Failure>;
export type ChatDeleted = Event<'ChatDeleted', Record<string, never>>;

export type ChatEvent =
  | ChatOpened
  | ChatRenamed
  | MessageSent
  | ReplyGenerated
  | ReplyFailed
  | DubReady
  | DubFailed
  | ChatDeleted;
