import {
  type AvatarTestProgressSignal,
  type ChangeNotice,
  changeNoticeSubjectPrefix,
  type ForgetAvatarSignal,
  forgetAvatarSubject,
  type ReplyTokenSignal,
  type RevocationSignal,
  replyTokenSubjectPrefix,
  revocationSubjectPrefix,
  type TrainingProgressSignal,
  testProgressSubjectPrefix,
  trainingProgressSubjectPrefix,
} from '../live/live-signals.ts';
import type { Bus } from './bus.ts';

/** One kind of live signal: where each payload goes and what a listener hears, so the two cannot disagree. */
export interface LiveChannel<Payload> {
  readonly subjectOf: (payload: Payload) => string;
  /** The filter a listener uses to hear every signal of the channel. */
  readonly everySubject: string;
}

const keyedBy = <Payload>(prefix: string, keyOf: (payload: Payload) => string): LiveChannel<Payload> => ({
  subjectOf: (payload) => `${prefix}.${keyOf(payload)}`,
  everySubject: `${prefix}.>`,
});

const toEveryProcess = <Payload>(subject: string): LiveChannel<Payload> => ({
  subjectOf: () => subject,
  everySubject: subject,
});

export const liveChannels = {
  replyTokens: keyedBy<ReplyTokenSignal>(replyTokenSubjectPrefix, (token) => token.chatId),
  changes: keyedBy<ChangeNotice>(changeNoticeSubjectPrefix, (notice) => notice.ownerId),
  trainingProgress: keyedBy<TrainingProgressSignal>(trainingProgressSubjectPrefix, (live) => live.ownerId),
  testProgress: keyedBy<AvatarTestProgressSignal>(testProgressSubjectPrefix, (live) => live.ownerId),
  revocations: keyedBy<RevocationSignal>(revocationSubjectPrefix, (revoked) => revoked.userId),
  forgetAvatar: toEveryProcess<ForgetAvatarSignal>(forgetAvatarSubject),
};

const encoder = new TextEncoder();

/** Sends one signal to whoever listens now (fire and forget: signals are hints, the read models stay the truth). */
export function sendLive<Payload>(bus: Pick<Bus, 'signal'>, channel: LiveChannel<Payload>, payload: Payload): void {
  bus.signal(channel.subjectOf(payload), encoder.encode(JSON.stringify(payload)));
}

/** Hands each signal of the channel to `heard`, decoded, until closed; a malformed one is dropped. */
export function listenLive<Payload>(
  bus: Pick<Bus, 'listen'>,
  channel: LiveChannel<Payload>,
  heard: (payload: Payload) => void,
): { close(): Promise<void> } {
  const listener = bus.listen(channel.everySubject);
  const decoder = new TextDecoder();
  const done = (async () => {
    for await (const signal of listener) {
      try {
        heard(JSON.parse(decoder.decode(signal.data)) as Payload);
      } catch {
        // A malformed signal is dropped: signals are hints, the read models stay the truth.
      }
    }
  })();
  return {
    async close() {
      await listener.close();
      await done;
    },
  };
}
