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
export const testProgressSubjectPrefix = 'bishop.live.tests';

export const replyTokenSubject = (chatId: string): string => `${replyTokenSubjectPrefix}.${chatId}`;
export const changeNoticeSubject = (ownerId: string): string => `${changeNoticeSubjectPrefix}.${ownerId}`;
export const trainingProgressSubject = (ownerId: string): string => `${trainingProgressSubjectPrefix}.${ownerId}`;
export const testProgressSubject = (ownerId: string): string => `${testProgressSubjectPrefix}.${ownerId}`;

/** A piece of a reply as the model produces it. */
export interface ReplyTokenSignal {
  readonly chatId: string;
  readonly messageId: string;
  /** 0, 1, 2… per message; lets a client notice a gap. */
  readonly index: number;
  readonly text: string;
  readonly done: boolean;
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

/** What an avatar test is doing: replying to held-out messages, scoring the replies, dubbing for the voice. */
export const avatarTestSteps = ['replies', 'scoring', 'voice'] as const;
export type AvatarTestStep = (typeof avatarTestSteps)[number];

/**
 * Percent of a running avatar test, from the test worker. Only its start and
 * end are events (AvatarTestStarted, AvatarTested); this fills the time between.
 */
export interface AvatarTestProgressSignal {
  readonly ownerId: string;
  readonly avatarId: string;
  readonly runId: string;
  readonly step: AvatarTestStep;
  /** Of the whole test, 0–100. */
  readonly percent: number;
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
  'blindTest',
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

export const revocationSubjectPrefix = 'bishop.live.revocations';
export const revocationSubject = (userId: string): string => `${revocationSubjectPrefix}.${userId}`;

/**
 * Credentials that stopped being valid, told to every gateway process so each
 * closes the sockets that rode on them and refuses them at once (its stores
 * and read models say the same a moment later).
 */
export type RevocationSignal =
  /** One session (refresh-token family): logged out, or a rotated refresh token came back (theft?). */
  | { readonly kind: 'session'; readonly userId: string; readonly sessionId: string; readonly reason: SessionEndReason }
  /** Several sessions at once: the password was reset, or it or the email changed (every session but the changer's). */
  | {
      readonly kind: 'sessions';
      readonly userId: string;
      readonly sessionIds: readonly string[];
      readonly reason: 'passwordReset' | 'passwordChanged' | 'emailChanged';
    }
  | { readonly kind: 'apiToken'; readonly userId: string; readonly tokenId: string }
  /** Every credential of the account, sessions and API tokens alike. */
  | { readonly kind: 'account'; readonly userId: string };

export type SessionEndReason = 'loggedOut' | 'refreshReused';

/** An avatar was shredded: every process drops what it holds of it in memory (caches of chats, personas). */
export const forgetAvatarSubject = 'bishop.live.forget';
export interface ForgetAvatarSignal {
  readonly avatarId: string;
}
