const NOT_READY = Symbol('not ready');

/** Resolves on the next turn of the event loop, after every pending microtask has run. */
const nextTurn = () => new Promise<typeof NOT_READY>((resolve) => setImmediate(() => resolve(NOT_READY)));

/**
 * Groups an async sequence into arrays of what is available right away (at
 * least one item, at most `maxBatch`), so a consumer can work on many items
 * at once while catching up and on single items when live.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, maxBatch: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      while (batch.length < maxBatch) {
        const ready = await Promise.race([pending, nextTurn()]);
        if (ready === NOT_READY || ready.done) break;
        batch.push(ready.value);
        pending = iterator.next();
      }
      yield batch;
    }
  } finally {
    await iterator.return?.();
  }
}
