import type { Failure } from '../kernel/failure.ts';

type Event<Type extends string, Data> = { type: Type; data: Data };

export const dubVoices = ['cloned', 'generic'] as const;
export type DubVoice = (typeof dubVoices)[number];

export const citedSourceKinds = ['passage', 'pair', 'exchange'] as const;
export type CitedSourceKind = (typeof citedSourceKinds)[number];

/** Something a reply drew on, kept with the reply so the user can see why it said what it said. */
export type CitedSource = {
  /** One of the reply's `sourceIds`. */
  id: string;
  /** A passage of the person's words, one of their past replies (pair), or an earlier exchange of this chat. */
  kind: CitedSourceKind;
  /** The material it comes from; null for an earlier exchange of this chat. */
  materialId: string | null;
  /** What was drawn on, cut to a few sentences. */
  text: string;
  /** A pair: the message the person was answering; an exchange: what the user wrote. */
  prompt: string | null;
  /** In a recording: where it was said, seconds. */
  startSec: number | null;
};

export const ratings = ['up', 'down'] as const;
export type Rating = (typeof ratings)[number];

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
  /** The best of them, described (v2; empty in older replies). */
  sources: CitedSource[];
  /**
   * How close the best match was to the message, 0–1 (meaning or shared words; 0 across languages);
   * null when unknown (older replies, or nothing was retrieved). Low means the avatar found nothing close.
   */
  closeness: number | null;
};
export type Dub = { replyId: string; blobKey: string; durationSec: number; voice: DubVoice };

/** A voice message's recording as stored (`voiceMessageBlobKey`). */
export type VoiceAudio = { blobKey: string; mediaType: string; sizeBytes: number; sha256: string };
/** One timed stretch of a voice message's transcript, in seconds from its start. */
export type VoiceSegment = { startSec: number; endSec: number; text: string };
export type VoiceTranscript = {
  messageId: string;
  text: string;
  /** ISO code the recognizer heard; null when it could not tell. */
  language: string | null;
  durationSec: number;
  segments: VoiceSegment[];
};
/** Why a live call ended: the user hung up, silence, the length limit, revocation, a restart… */
export type CallEnd = { callId: string; reasonCode: string; reason: string; turns: number; durationSec: number };
/** Barge-in: the user spoke over the reply; only `heardSec` of its audio (and `heardText`) reached them. */
export type ReplyCutData = { replyId: string; heardSec: number; spokenSec: number; heardText: string };

export type ChatOpened = Event<
  'ChatOpened',
  {
    chatId: string;
    avatarId: string;
    ownerId: string;
    /** Null when the user gave none: the first message names the chat. */
    title: string | null;
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
/** The message's reply is made again; the earlier ones stay as alternatives. */
export type ReplyRegenerationRequested = Event<'ReplyRegenerationRequested', { messageId: string }>;
/** The user shows this alternative as the message's reply (later replies see it as what was said). */
export type ReplyChosen = Event<'ReplyChosen', { messageId: string; replyId: string }>;
/** Thumbs up or down on a reply; null takes a rating back. */
export type ReplyRated = Event<
  'ReplyRated',
  { messageId: string; replyId: string; rating: Rating | null; personaVersion: number | null }
>;
/** The user rewrote a message: its replies answered other words and are dropped; a new reply follows. */
export type MessageEdited = Event<'MessageEdited', { messageId: string; text: string }>;
/** The user took a message back, with its replies. */
export type MessageDeleted = Event<'MessageDeleted', { messageId: string }>;
/** A recorded (or uploaded) voice message, awaiting its transcript; `callId` when it is a turn of a live call. */
export type VoiceMessageSent = Event<
  'VoiceMessageSent',
  { messageId: string; audio: VoiceAudio; callId: string | null }
>;
export type VoiceMessageTranscribed = Event<'VoiceMessageTranscribed', VoiceTranscript>;
export type VoiceMessageTranscriptionFailed = Event<'VoiceMessageTranscriptionFailed', { messageId: string } & Failure>;
/** `voice` says whether the call speaks in the person's cloned voice (consent and an accepted sample) or a generic one. */
export type CallStarted = Event<'CallStarted', { callId: string; voice: DubVoice }>;
export type CallEnded = Event<'CallEnded', CallEnd>;
export type ReplyCut = Event<'ReplyCut', ReplyCutData>;

export type ChatEvent =
  | ChatOpened
  | ChatRenamed
  | MessageSent
  | ReplyGenerated
  | ReplyFailed
  | DubReady
  | DubFailed
  | ChatDeleted
  | ReplyRegenerationRequested
  | ReplyChosen
  | ReplyRated
  | MessageEdited
  | MessageDeleted
  | VoiceMessageSent
  | VoiceMessageTranscribed
  | VoiceMessageTranscriptionFailed
  | CallStarted
  | CallEnded
  | ReplyCut;
