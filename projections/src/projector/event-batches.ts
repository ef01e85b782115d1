const NOT_YET = Symbol('not yet');
const turnPassed = () => new Promise<typeof NOT_YET>((resolve) => setImmediate(() => resolve(NOT_YET)));

/**
 * Groups a subscription's events into batches: what is already at hand (up to
 * `maxSize`) goes into one batch, so catching up writes big batches while a
 * single live event is applied at once. "At hand" = delivered before the next
 * turn of the event loop, i.e. without waiting for the store.
 */
export async function* batchesOf<Item>(source: AsyncIterable<Item>, maxSize: number): AsyncGenerator<Item[]> {
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
