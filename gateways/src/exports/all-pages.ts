import type { Page } from '@bishop/projections';

/** Every row of a paged read-model query, a page at a time (exports never hold a whole history in memory). */
export async function* allPages<Row>(fetch: (after: string | null) => Promise<Page<Row>>): AsyncGenerator<Row> {
  let after: string | null = null;
  for (;;) {
    const page: Page<Row> = await fetch(after);
    yield* page.items;
    if (!page.hasNextPage || page.endCursor === null) return;
    after = page.endCursor;
  }
}
