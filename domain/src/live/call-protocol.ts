/**
 * The live-call WebSocket protocol (`GET /api/chats/:chatId/call`), shared by
 * the gateway, the call engine and clients. Text frames carry these JSON
 * messages; binary frames carry audio: 16-bit little-endian mono PCM — the
 * client's microphone at `callInputSampleRate`, the avatar's voice at the
 * `sampleRate` of the latest `audio-start`. See gateways/src/calls/call-protocol.md.
 */

import type { Actor } from '../kernel/actor.ts';

export const callInputSampleRate = 16_000;

/** Close codes besides 1000 (ended) and 1001 (the gateway is shutting down). */
export const callCloseCodes = {
  /** The access token expired: refresh it and call again. */
  expired: 4401,
  /** Credentials revoked (log-out, token revoked, account deleted). */
  revoked: 4403,
  /** The chat does not exist in the caller's account. */
  notFound: 4404,
  /** The first message was not a valid `start`. */
  badStart: 4400,
  /** This gateway already carries its maximum number of calls: try again later. */
  busy: 4429,
  /** The voice engines or models a call needs are not installed. */
  unavailable: 4503,
} as const;

export type CallClientMessage =
  | { readonly type: 'start'; readonly authorization: string }
  | { readonly type: 'hangup' };

/** Figures of one turn, in milliseconds; the benchmark reads them. */
export interface CallTurnTimings {
  /** Silence the VAD waited for before deciding the turn had ended (configured hang-over). */
  readonly vadHangoverMs: number;
  /** Whisper on the turn's audio. */
  readonly asrMs: number;
  /** From asking for the reply to its first token. */
  readonly firstTokenMs: number;
  /** From the first token to the first sentence (or first clause) being complete: the model writing it. */
  readonly firstSentenceTextMs: number;
  /** Synthesis of the first sentence. */
  readonly firstSentenceTtsMs: number;
  /** End of the user's speech → first audio byte sent (includes everything above). */
  readonly firstAudioMs: number;
}

export type CallServerMessage =
  | {
      readonly type: 'ready';
      readonly callId: string;
      readonly avatarName: string;
      /** `cloned`: the person's voice, cloned with recorded consent; `generic`: a synthetic voice that imitates no one. */
      readonly voice: 'cloned' | 'generic';
      /** Whose voice is imitated (the avatar's name) when cloned; null for a generic voice. */
      readonly imitates: string | null;
      readonly engine: string;
      readonly endOfTurnMs: number;
      readonly idleSec: number;
      readonly maxSec: number;
    }
  | { readonly type: 'speech-started'; readonly atSec: number }
  | { readonly type: 'speech-ended'; readonly atSec: number }
  | {
      readonly type: 'transcript';
      readonly messageId: string;
      readonly text: string;
      readonly language: string | null;
      readonly segments: readonly { startSec: number; endSec: number; text: string }[];
    }
  | { readonly type: 'reply-token'; readonly messageId: string; readonly replyId: string; readonly text: string }
  | {
      readonly type: 'audio-start';
      readonly replyId: string;
      readonly sentence: number;
      readonly text: string;
      readonly sampleRate: number;
    }
  | { readonly type: 'reply-end'; readonly replyId: string; readonly text: string; readonly spokenSec: number }
  | {
      readonly type: 'barge-in';
      readonly replyId: string;
      readonly heardSec: number;
      readonly spokenSec: number;
      readonly heardText: string;
    }
  | { readonly type: 'turn-timings'; readonly messageId: string; readonly timings: CallTurnTimings }
  | { readonly type: 'turn-saved'; readonly messageId: string; readonly replyId: string | null }
  | { readonly type: 'error'; readonly code: string; readonly message: string }
  | { readonly type: 'ended'; readonly reasonCode: string; readonly reason: string };

/**
 * The socket's side of one call, as the gateway hands it to the call engine (the gateway may not import
 * ml-workers; infra wires them): who calls which chat, and where messages and audio go.
 */
export interface CallPeer {
  readonly chatId: string;
  readonly avatarId: string;
  /** The caller: user messages and the call's start are theirs. */
  readonly actor: Actor;
  readonly correlationId: string;
  send(message: CallServerMessage): void;
  sendAudio(pcm: Uint8Array): void;
  /** The call ended (hung up, idle, too long, shut down…): close the socket. */
  onEnded(end: { reasonCode: string; reason: string }): void;
}
