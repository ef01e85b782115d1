import { setTimeout as sleep } from 'node:timers/promises';
import type { BusMessage, Consumer, ConsumerOptions } from '@bishop/domain/ports';
import type { JetStreamClient, JetStreamManager, JsMsg, Consumer as NatsPullConsumer } from 'nats';
import { anySubjectMatcher } from '../subjects.ts';
import { toBusMessage } from './nats-message.ts';
import { ensureConsumer, filtersOnClient, isNotFound } from './nats-topology.ts';
import type { ServerFeatures } from './server-version.ts';

export interface NatsConsumerDeps {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly stream: string;
  readonly features: ServerFeatures;
  readonly connectionClosed: () => boolean;
  /** Pull requests still open, across consumers: the bus drops them when its connection closes. */
  readonly openPulls: Set<{ close(): Promise<unknown> }>;
}

/** How long one pull request waits on the server for a message before we ask again. */
const PULL_EXPIRES_MS = 5_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * A durable pull consumer that asks JetStream for one message each time the
 * iterator is pulled, so nothing waits in a client buffer with its ack timer
 * running. Pull failures (a server restart, a reconnect) are retried with
 * backoff; a consumer that vanished is created again.
 */
export function createNatsConsumer(options: ConsumerOptions, deps: NatsConsumerDeps): Consumer {
  const stop = new AbortController();
  const stopped = new Promise<null>((resolve) => stop.signal.addEventListener('abort', () => resolve(null)));
  const matches = filtersOnClient(options.subjects, deps.features) ? anySubjectMatcher(options.subjects) : null;
  const { openPulls } = deps;

  async function open(): Promise<NatsPullConsumer> {
    try {
      await ensureConsumer(deps.jsm, deps.stream, options, deps.features);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new Error(`The bus stream ${deps.stream} does not exist: call ensureTopology() before consuming`, {
        cause: error,
      });
    }
    return deps.js.consumers.get(deps.stream, options.durable);
  }

  async function pullOne(consumer: NatsPullConsumer): Promise<JsMsg | null> {
    const pull = await consumer.fetch({ max_messages: 1, expires: PULL_EXPIRES_MS });
    openPulls.add(pull);
    try {
      for await (const message of pull) return message;
      return null;
    } finally {
      openPulls.delete(pull);
    }
  }

  async function* messages(): AsyncGenerator<BusMessage> {
    let consumer = await open();
    let retryMs = RETRY_MIN_MS;
    while (!stop.signal.aborted) {
      let message: JsMsg | null;
      const pull = pullOne(consumer);
      try {
        message = await Promise.race([pull, stopped]);
        retryMs = RETRY_MIN_MS;
      } catch (error) {
        await sleep(retryMs, undefined, { signal: stop.signal }).catch(() => {});
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        if (isNotFound(error) || /consumer (not found|deleted)/i.test(String(error))) consumer = await open();
        continue;
      }
      if (stop.signal.aborted) {
        // A pull still open when we closed may yet bring a message: hand it straight back.
        pull.then((late) => late?.nak()).catch(() => {});
        return;
      }
      if (!message) continue;
      if (matches && !matches(message.subject)) {
        message.ack();
        continue;
      }
      yield toBusMessage(message, { termReasons: deps.features.termReasons, connectionClosed: deps.connectionClosed });
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      stop.abort();
      await iterator.return(undefined);
    },
  };
}
