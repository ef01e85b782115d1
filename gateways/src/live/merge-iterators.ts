/**
 * Items of several async iterators as each produces them (a subscription fed
 * by more than one live source). `return()` reaches every source at once, so
 * an unsubscribing client leaves no listener behind.
 */
export function mergeIterators<T>(...sources: AsyncIterator<T>[]): AsyncIterableIterator<T> {
  const pending = new Map<AsyncIterator<T>, Promise<{ source: AsyncIterator<T>; result: IteratorResult<T> }>>();
  const arm = (source: AsyncIterator<T>) => {
    pending.set(
      source,
      source.next().then((result) => ({ source, result })),
    );
  };
  for (const source of sources) arm(source);
  let closed = false;

  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (!closed && pending.size > 0) {
        const { source, result } = await Promise.race(pending.values());
        if (result.done) {
          pending.delete(source);
          continue;
        }
        arm(source);
        return { value: result.value, done: false };
      }
      return { value: undefined, done: true };
    },
    async return() {
      closed = true;
      const open = [...pending.keys()];
      pending.clear();
      await Promise.all(open.map((source) => source.return?.()));
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
