const NOT_YET: unique symbol = Symbol('not yet');

/** Resolves on the next turn of the event loop (e.g. `setImmediate` of node:timers/promises); the kernel has no clock. */
export type NextTurn = () => Promise<unknown>;

/**
 * Groups a subscription's events into batches: what is already at hand (up to
 * `maxSize`) goes into one batch, so catching up writes big batches while a
 * single live event is applied at once. "At hand" = delivered before `nextTurn`
 * resolves, i.e. without waiting for the store. The projector and the relay both batch so.
 */
export async function* batchesOf<Item>(
  source: AsyncIterable<Item>,
  maxSize: number,
  nextTurn: NextTurn,
): AsyncGenerator<Item[]> {
  const turnPassed = async (): Promise<typeof NOT_YET> => {
    await nextTurn();
    return NOT_YET;
  };
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      while (batch.length < maxSize) {
        const next = await Promise.race([pending, turnPassed()]);
        if (next === NOT_YET) break;
        if (next.done) {
          yield batch;
          return;
        }
        batch.push(next.value);
        pending = iterator.next();
      }
      yield batch;
    }
  } finally {
    // A read still in flight when the consumer stops must not surface as an unhandled rejection.
    pending.catch(() => {});
  }
}
