import type { EventSubscription, RecordedEvent } from '@bishop/domain/ports';
import type { WakeSignal } from './wake-signal.ts';

export interface PollingSubscriptionOptions {
  /** Reads the next batch of events strictly after `after`, in `$all` order. */
  readonly readBatch: (after: bigint | undefined) => Promise<RecordedEvent[]>;
  readonly from: bigint | undefined;
  readonly wake: WakeSignal;
  /** Upper bound on how long new events can go unnoticed without a wake-up. */
  readonly idlePollMs: number;
}

/**
 * Catch-up-then-live subscription for stores we can only query: read batches
 * until one comes back empty, then wait for a wake-up (or the idle timer) and
 * read again. The checkpoint only moves forward, so each event is yielded once.
 */
export function createPollingSubscription(options: PollingSubscriptionOptions): EventSubscription {
  const stop = new AbortController();

  async function* events(): AsyncGenerator<RecordedEvent> {
    let checkpoint = options.from;
    while (!stop.signal.aborted) {
      const batch = await options.readBatch(checkpoint);
      for (const event of batch) {
        if (stop.signal.aborted) return;
        checkpoint = event.position;
        yield event;
      }
      if (batch.length === 0) await options.wake.wait(options.idlePollMs, stop.signal);
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      stop.abort();
      await iterator.return(undefined);
    },
  };
}
