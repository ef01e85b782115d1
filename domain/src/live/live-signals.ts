/**
 * Short-lived signals (not events): reply tokens from the reply worker and
 * read-model change notices from the projector, fanned out to every gateway
 * over the bus's ephemeral channel. Subjects and payloads are defined here so
 * producers and consumers agree.
 */

import type { TrainingStage } from '../avatar/avatar.values.ts';

export const replyTokenSubjectPrefix = 'bishop.live.tokens';
export const changeNoticeSubjectPrefix = 'bishop.live.changes';
export const trainingProgressSubjectPrefix = 'bishop.live.training';
export const dubProgressSubjectPrefix = 'bishop.live.dubs';

export const replyTokenSubject = (chatId: string): string => `${replyTokenSubjectPrefix}.${chatId}`;
export const changeNoticeSubject = (ownerId: string): string => `${changeNoticeSubjectPrefix}.${ownerId}`;
export const trainingProgressSubject = (ownerId: string): string => `${trainingProgressSubjectPrefix}.${ownerId}`;
export const dubProgressSubject = (chatId: string): string => `${dubProgressSubjectPrefix}.${chatId}`;

/** A piece of a reply as the model produces it. */
export interface ReplyTokenSignal {
  readonly chatId: string;
  readonly messageId: string;
  /** 0, 1, 2… per message; lets a client notice a gap. */
  readonly index: number;
  readonly text: string;
  readonly done: boolean;
}

/** The dub worker finished speaking one sentence of a reply (sentences are spoken in order). */
export interface DubProgressSignal {
  readonly chatId: string;
  readonly replyId: string;
  /** 0, 1, 2… of `count`. */
  readonly index: number;
  readonly count: number;
  /** Seconds of speech synthesised so far, this sentence included. */
  readonly spokenSec: number;
}

/**
 * Percent and ETA within a training stage, from the train worker. Only stage
 * changes are events (TrainingProgressed); this fills the time between them.
 */
export interface TrainingProgressSignal {
  readonly ownerId: string;
  readonly avatarId: string;
  readonly runId: string;
  readonly stage: TrainingStage;
  /** Of the whole run, 0–100. */
  readonly percent: number;
  readonly etaSeconds: number | null;
}

export const changeKinds = [
  'user',
  'apiToken',
  'avatar',
  'material',
  'voice',
  'training',
  'personaVersion',
  'chat',
  'message',
  'timeline',
  'testReport',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** Something in the read models changed and is committed (readable now). */
export interface ChangeNotice {
  readonly kind: ChangeKind;
  readonly ownerId: string;
  readonly avatarId?: string;
  readonly chatId?: string;
  /** Id of the changed thing (material id, run id, message id…). */
  readonly id: string;
  /** `$all` position (decimal string) the read models include. */
  readonly position: string;
}
