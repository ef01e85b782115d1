/**
 * Maps (and filters: return undefined to skip) an async iterator without an
 * async generator, so that `return()` reaches the source at once even while a
 * `next()` is waiting — an unsubscribing client must not leave a listener behind.
 */
export function mapIterator<In, Out>(
  source: AsyncIterator<In>,
  map: (item: In) => Promise<Out | undefined> | Out | undefined,
): AsyncIterableIterator<Out> {
  const iterator: AsyncIterableIterator<Out> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done) return { value: undefined, done: true };
        const mapped = await map(result.value);
        if (mapped !== undefined) return { value: mapped, done: false };
      }
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/**
 * Yields what `current()` answers, then what `source` yields. `source` is already listening when this
 * is made, and `current()` runs after it (on the first `next()`), so a change committed before the
 * subscription existed — between a page's query and its subscribing — is still heard: as current state.
 */
export function startingWith<T>(
  current: () => Promise<readonly T[]>,
  source: AsyncIterator<T>,
): AsyncIterableIterator<T> {
  let pending: T[] | undefined;
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      pending ??= [...(await current())];
      const first = pending.shift();
      if (first !== undefined) return { value: first, done: false };
      return source.next();
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
