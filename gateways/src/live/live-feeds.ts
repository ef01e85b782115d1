import {
  type AvatarTestProgressSignal,
  type ChangeNotice,
  changeNoticeSubjectPrefix,
  type ReplyTokenSignal,
  type RevocationSignal,
  replyTokenSubjectPrefix,
  revocationSubjectPrefix,
  type TrainingProgressSignal,
  testProgressSubjectPrefix,
  trainingProgressSubjectPrefix,
} from '@bishop/domain';
import type { Bus, SignalListener } from '@bishop/domain/ports';
import { createFanout, type Fanout } from './fanout.ts';

/**
 * One bus listener per gateway process for each kind of live signal, fanned
 * out locally to every GraphQL subscription: 1,000 subscribers cost one
 * listener, not 1,000.
 */
export interface LiveFeeds {
  readonly changes: Fanout<ChangeNotice>;
  readonly replyTokens: Fanout<ReplyTokenSignal>;
  /** Percent and ETA of running training runs, between their stage events. */
  readonly trainingProgress: Fanout<TrainingProgressSignal>;
  /** Credentials revoked on any gateway process (sockets riding on them must close). */
  readonly revocations: Fanout<RevocationSignal>;
  /** Percent of running avatar tests, between AvatarTestStarted and AvatarTested. */
  readonly testProgress: Fanout<AvatarTestProgressSignal>;
  close(): Promise<void>;
}

export function createLiveFeeds(bus: Bus): LiveFeeds {
  const changes = createFanout<ChangeNotice>();
  const replyTokens = createFanout<ReplyTokenSignal>();
  const trainingProgress = createFanout<TrainingProgressSignal>();
  const revocations = createFanout<RevocationSignal>();
  const testProgress = createFanout<AvatarTestProgressSignal>();
  const listeners = [
    pump(bus.listen(`${revocationSubjectPrefix}.>`), revocations),
    pump(bus.listen(`${changeNoticeSubjectPrefix}.>`), changes),
    pump(bus.listen(`${replyTokenSubjectPrefix}.>`), replyTokens),
    pump(bus.listen(`${trainingProgressSubjectPrefix}.>`), trainingProgress),
    pump(bus.listen(`${testProgressSubjectPrefix}.>`), testProgress),
  ];
  return {
    changes,
    replyTokens,
    trainingProgress,
    revocations,
    testProgress,
    async close() {
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}

function pump<T>(listener: SignalListener, fanout: Fanout<T>): SignalListener {
  const decoder = new TextDecoder();
  void (async () => {
    for await (const signal of listener) {
      try {
        fanout.publish(JSON.parse(decoder.decode(signal.data)) as T);
      } catch {
        // A malformed signal is dropped: signals are hints, the read models stay the truth.
      }
    }
  })();
  return listener;
}
