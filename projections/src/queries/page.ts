import { DomainError } from '@bishop/domain';

export interface PageRequest {
  /** Page size: 1 to 100 (default 20). */
  readonly first?: number | null;
  /** The `endCursor` of the previous page. */
  readonly after?: string | null;
}

export interface Page<Item> {
  readonly items: Item[];
  /** Pass as `after` for the next page; null on an empty page. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const CURSOR = /^p:(0|[1-9]\d{0,18})$/;

/**
 * Every listed read model is ordered by the `$all` position of the event that
 * created the row: unique and never changing, so pages neither skip nor repeat
 * rows while new ones arrive. The cursor wraps that position, opaquely.
 */
export function encodeCursor(position: bigint): string {
  return Buffer.from(`p:${position}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): bigint | null {
  if (cursor === null || cursor === undefined) return null;
  const match = typeof cursor === 'string' ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (match?.[1] === undefined) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'This page cursor is not valid: pass the endCursor of a page', {
      field: 'after',
    });
  }
  return BigInt(match[1]);
}

export function pageSize(request: PageRequest): number {
  const size = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `Page size must be a whole number from 1 to ${MAX_PAGE_SIZE}`, {
      field: 'first',
    });
  }
  return size;
}

/** Turns `size + 1` fetched rows into a page: the extra row only says there is more. */
export function toPage<Row>(rows: Row[], size: number, positionOf: (row: Row) => bigint): Page<Row> {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return {
    items,
    endCursor: last === undefined ? null : encodeCursor(positionOf(last)),
    hasNextPage: rows.length > size,
  };
}

/** One page of rows ordered by a creation position: `fetch` gets the cursor's position (or null) and a row limit. */
export async function fetchPage<Row>(
  request: PageRequest,
  positionOf: (row: Row) => bigint,
  fetch: (after: bigint | null, limit: number) => Promise<Row[]>,
): Promise<Page<Row>> {
  const size = pageSize(request);
  const rows = await fetch(decodeCursor(request.after), size + 1);
  return toPage(rows, size, positionOf);
}
