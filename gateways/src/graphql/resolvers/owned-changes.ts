import type { ChangeKind, ChangeNotice } from '@bishop/domain';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { mapIterator, startingWith } from './async-iterators.ts';

/** What a page shows of some rows, how to read them now and one by one, and how a change is shaped. */
export interface RowsShown<Row, Out> {
  readonly kinds: readonly ChangeKind[];
  readonly where: (notice: ChangeNotice) => boolean;
  readonly current: (ownerId: string) => Promise<readonly Row[]>;
  readonly byId: (ownerId: string, id: string, notice: ChangeNotice) => Promise<Row | null | undefined>;
  readonly shape: (row: Row, position: bigint) => Out;
}

/** The caller's change notices, and the caller's rows as they change. */
export function ownedChanges(live: GraphQLServices['live']) {
  function changes(context: RequestContext, kinds: readonly ChangeKind[], where: (notice: ChangeNotice) => boolean) {
    const userId = callerId(context);
    return live.changes.subscribe(
      (notice) => notice.ownerId === userId && kinds.includes(notice.kind) && where(notice),
    );
  }

  /**
   * The rows a page shows as they are now, then each row again as a notice says it changed. The notices
   * are listened to before the rows are read, so a change between a page's query and its subscribing is
   * not missed (the page upserts: a row it already shows as it is changes nothing).
   */
  function rowChanges<Row extends { last_position: bigint | string }, Out>(
    context: RequestContext,
    rows: RowsShown<Row, Out>,
  ): AsyncIterableIterator<Out> {
    const owner = callerId(context);
    return startingWith(
      async () => (await rows.current(owner)).map((row) => rows.shape(row, BigInt(row.last_position))),
      mapIterator(changes(context, rows.kinds, rows.where), async (notice) => {
        const row = await rows.byId(owner, notice.id, notice);
        return row ? rows.shape(row, BigInt(notice.position)) : undefined;
      }),
    );
  }

  return { changes, rowChanges };
}
