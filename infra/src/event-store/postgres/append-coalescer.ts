/**
 * Group commit for appends. Appends that arrive while others are on their way
 * to the database wait, then go together: one statement, one transaction, one
 * commit (one WAL flush) for all of them instead of one each. Under concurrent
 * writers that is most of an append's cost; a lone writer never waits (with
 * nothing in flight its append leaves at once, alone).
 *
 * Each append keeps its own outcome: the batch checks every stream's expected
 * revision on its own, so a conflict fails only that append. A batch holds at
 * most one append per stream; a second append to the same stream waits for the
 * next batch, so appends to one stream stay in the order they were made.
 */

export interface PendingAppend<Result> {
  readonly stream: string;
  readonly eventCount: number;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export interface AppendCoalescerOptions<Item extends PendingAppend<unknown>> {
  /** Batches on their way at once; more arriving appends wait and go in the next batch. */
  readonly maxInFlight: number;
  /** Most events one batch carries (a bound on the statement's size). */
  readonly maxEvents: number;
  /** Writes the appends in one transaction and settles each of them. */
  send(batch: readonly Item[]): Promise<void>;
}

export function createAppendCoalescer<Item extends PendingAppend<unknown>>(
  options: AppendCoalescerOptions<Item>,
): (item: Item) => void {
  const waiting: Item[] = [];
  let inFlight = 0;

  function take(): Item[] {
    const batch: Item[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < waiting.length; ) {
      const item = waiting[i] as Item;
      const fits = batch.length === 0 || events + item.eventCount <= options.maxEvents;
      if (!streams.has(item.stream) && fits) {
        batch.push(item);
        streams.add(item.stream);
        events += item.eventCount;
        waiting.splice(i, 1);
      } else {
        // Held back: later appends to its stream must stay behind it.
        streams.add(item.stream);
        i++;
      }
      if (events >= options.maxEvents) break;
    }
    return batch;
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = take();
      inFlight++;
      options
        .send(batch)
        .catch((error: unknown) => {
          for (const item of batch) item.reject(error);
        })
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  return (item) => {
    waiting.push(item);
    pump();
  };
}
