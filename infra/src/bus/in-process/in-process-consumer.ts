import { setImmediate } from 'node:timers/promises';
import type { BusMessage, Consumer, ConsumerOptions } from '@bishop/domain/ports';
import type { ConsumerWakes } from './consumer-wakes.ts';
import type { Delivery, SqlConsumerState } from './sql-consumer-state.ts';
import type { StoredMessage } from './sql-message-log.ts';

export interface InProcessConsumerDeps {
  readonly state: SqlConsumerState;
  /** Wakes this consumer on publishes it may want and settlements of its durable (here and, on a server, elsewhere). */
  readonly wakes: ConsumerWakes;
  /** Longest wait before looking again without a wake-up (acks by other processes send none). */
  readonly idlePollMs: number;
}

/** A pull consumer over the SQL tables: fetches one message each time the iterator is pulled. */
export function createInProcessConsumer(options: ConsumerOptions, deps: InProcessConsumerDeps): Consumer {
  const { state, wakes } = deps;
  const { durable } = options;
  const stop = new AbortController();
  const { wake, unregister } = wakes.register(durable, options.subjects);

  // Settling calls are fire-and-forget in the port; one that fails leaves the message
  // pending, so it is redelivered after its ack wait: at-least-once still holds.
  const settle = (work: Promise<void>) => {
    work.then(() => wakes.settled(durable)).catch(() => {});
  };
  const heartbeat = (work: Promise<void>) => {
    work.catch(() => {});
  };

  function toBusMessage(stored: StoredMessage, delivery: Delivery): BusMessage {
    return {
      subject: stored.subject,
      data: stored.data,
      msgId: stored.msgId,
      headers: stored.headers,
      deliveryCount: delivery.deliveryCount,
      seq: stored.seq,
      async ack() {
        await state.ack(durable, delivery.seq);
        wakes.settled(durable);
      },
      nak: (delayMs = 0) => settle(state.nak(durable, delivery, Math.max(0, delayMs))),
      term: () => settle(state.term(durable, delivery)),
      working: () => heartbeat(state.working(durable, delivery)),
    };
  }

  async function* messages(): AsyncGenerator<BusMessage> {
    await state.upsert(options);
    try {
      yield* fetchUntilStopped();
    } finally {
      unregister();
    }
  }

  async function* fetchUntilStopped(): AsyncGenerator<BusMessage> {
    while (!stop.signal.aborted) {
      // PGlite answers through promises alone; without a turn of the event loop between
      // fetches, a busy consumer would starve every timer (heartbeats, ack waits) in the process.
      await setImmediate();
      const fetched = await state.fetch(durable);
      if (fetched.kind === 'skipped') continue;
      if (fetched.kind === 'idle') {
        const waitMs = Math.min(fetched.dueInMs ?? deps.idlePollMs, deps.idlePollMs);
        await wake.wait(Math.ceil(waitMs), stop.signal);
        continue;
      }
      const message = toBusMessage(fetched.message, fetched.delivery);
      // Closed while fetching: give it straight back rather than leave it until its ack wait ends.
      if (stop.signal.aborted) message.nak();
      else yield message;
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      stop.abort();
      unregister();
      await iterator.return(undefined);
    },
  };
}
