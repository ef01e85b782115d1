import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { batchesOf, streamCategories } from '@bishop/domain';
import type { Bus, EventStore, EventSubscription, RecordedEvent } from '@bishop/domain/ports';
import { RelayHeaders, resumePositionOf, toRelayMessage } from './relay-message.ts';

/** Structured logging as pino does it: (fields, message). */
export interface RelayLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface RelayOptions {
  /** The RAW store: personal fields stay encrypted on the bus; workers decrypt. */
  readonly eventStore: EventStore;
  readonly bus: Bus;
  /** Subjects are `<subjectRoot>.<category>.<EventType>` (default `bishop`). */
  readonly subjectRoot?: string;
  /** Most publishes in flight at once (default 100): also the most a restart republishes. */
  readonly maxBatch?: number;
  /** First wait after a failure; doubles up to 30 s while failures repeat (default 500 ms). */
  readonly retryDelayMs?: number;
  readonly logger?: RelayLogger;
}

export interface Relay {
  /** Ensures the bus topology, finds where the last run stopped and starts following `$all`. */
  start(): Promise<void>;
  /** Stops following; resolves once the publishes in flight have been confirmed or abandoned. */
  stop(): Promise<void>;
  /** `$all` position up to which every event is confirmed on the bus (this run's checkpoint). */
  publishedPosition(): bigint;
}

interface Run {
  readonly stop: AbortController;
  subscription?: EventSubscription;
  loop?: Promise<void>;
}

const silent: RelayLogger = { info() {}, warn() {}, error() {} };
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Follows `$all` and publishes each Bishop event to the bus with msgId =
 * eventId. Events go out in batches; every message of a batch carries the
 * position the batch was read from, so a restart resumes there: it repeats at
 * most one batch, and the bus drops those duplicates. No checkpoint store needed.
 */
export function createRelay(options: RelayOptions): Relay {
  const { eventStore, bus } = options;
  const subjectRoot = options.subjectRoot ?? 'bishop';
  const maxBatch = options.maxBatch ?? 100;
  const logger = options.logger ?? silent;
  const filter = { streamPrefixes: streamCategories.map((category) => `${category}-`) };
  let checkpoint = 0n;
  let running: Run | undefined;

  async function publishBatch(events: readonly RecordedEvent[]): Promise<void> {
    const headers = { [RelayHeaders.resumeFrom]: checkpoint.toString() };
    await Promise.all(
      events.map(async (event) => {
        const message = toRelayMessage(event, subjectRoot);
        if (message === null) {
          logger.warn({ stream: event.streamName, type: event.type }, 'relay skipped an event it cannot route');
          return;
        }
        await bus.publish(message.subject, message.data, {
          msgId: message.msgId,
          headers: { ...headers, [RelayHeaders.position]: event.position.toString() },
        });
      }),
    );
    checkpoint = events.at(-1)?.position ?? checkpoint;
  }

  async function follow(run: Run): Promise<void> {
    const stop = run.stop.signal;
    let retryDelayMs = options.retryDelayMs ?? 500;
    while (!stop.aborted) {
      const subscription = eventStore.subscribeToAll({ fromPosition: checkpoint, filter });
      run.subscription = subscription;
      try {
        for await (const events of batchesOf(subscription, maxBatch, setImmediate)) {
          await publishBatch(events);
          retryDelayMs = options.retryDelayMs ?? 500;
        }
      } catch (error) {
        if (stop.aborted) return;
        logger.error({ err: error, checkpoint: checkpoint.toString() }, 'relay failed; retrying from its checkpoint');
        await subscription.close();
        await sleep(retryDelayMs, undefined, { signal: stop }).catch(() => {});
        retryDelayMs = Math.min(retryDelayMs * 2, MAX_RETRY_DELAY_MS);
      }
    }
  }

  return {
    async start() {
      if (running) throw new Error('The relay is already running');
      await bus.ensureTopology();
      const resumeFrom = resumePositionOf(await bus.lastMessageHeaders());
      if (resumeFrom === 'unknown') {
        logger.warn({}, 'the newest bus message was not written by the relay; republishing from the start');
      }
      checkpoint = resumeFrom === 'unknown' ? 0n : resumeFrom;
      logger.info({ from: checkpoint.toString() }, 'relay started');
      const run: Run = { stop: new AbortController() };
      run.loop = follow(run);
      running = run;
    },

    async stop() {
      const current = running;
      if (!current) return;
      current.stop.abort();
      await current.subscription?.close();
      await current.loop;
      running = undefined;
      logger.info({ at: checkpoint.toString() }, 'relay stopped');
    },

    publishedPosition: () => checkpoint,
  };
}
