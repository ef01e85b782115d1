import type { EventStore, RecordedEvent } from '@bishop/domain/ports';

/**
 * `$all` in pages after `from`, reading (and decrypting) the next page while
 * the caller writes the current one: on a server they use different
 * connections, so the replay costs about the larger of the two, not the sum.
 */
export async function* pagesOfAll(
  eventStore: EventStore,
  from: bigint,
  pageSize: number,
): AsyncGenerator<RecordedEvent[]> {
  const read = (after: bigint) => eventStore.readAll({ fromPosition: after, maxCount: pageSize });
  let next = read(from);
  try {
    for (;;) {
      const page = await next;
      const last = page.at(-1);
      if (last === undefined) return;
      next = read(last.position);
      yield page;
    }
  } finally {
    // A read still in flight when the caller stops must not surface as an unhandled rejection.
    next.catch(() => {});
  }
}
