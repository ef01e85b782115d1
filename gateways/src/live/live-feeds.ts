import type {
  AvatarTestProgressSignal,
  ChangeNotice,
  ReplyTokenSignal,
  RevocationSignal,
  TrainingProgressSignal,
} from '@bishop/domain';
import { type Bus, listenLive, liveChannels } from '@bishop/domain/ports';
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
  const replyTokens = createFanout<ReplyTokenSignal>({ keyOf: (token) => token.chatId });
  const trainingProgress = createFanout<TrainingProgressSignal>();
  const revocations = createFanout<RevocationSignal>();
  const testProgress = createFanout<AvatarTestProgressSignal>();
  const listeners = [
    listenLive(bus, liveChannels.revocations, revocations.publish),
    listenLive(bus, liveChannels.changes, changes.publish),
    listenLive(bus, liveChannels.replyTokens, replyTokens.publish),
    listenLive(bus, liveChannels.trainingProgress, trainingProgress.publish),
    listenLive(bus, liveChannels.testProgress, testProgress.publish),
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
