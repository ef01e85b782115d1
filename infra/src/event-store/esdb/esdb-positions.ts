/**
 * Our `position` is the event's `$all` commit position. Commit and prepare
 * positions differ only for explicit transactions, which gRPC clients cannot
 * write, so `{ commit: p, prepare: p }` addresses the event at p.
 */
export interface StorePosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Positions are u64 on the wire; the server sends u64::MAX (-1) when it has none. */
const FIRST_INVALID_POSITION = 2n ** 63n;

/**
 * Where a store read or subscription starts to yield the events strictly after
 * `after`; undefined means from the start of `$all` (0n means nothing handled yet).
 */
export function storePositionAt(after: bigint | undefined): StorePosition | undefined {
  if (after === undefined || after <= 0n) return undefined;
  return { commit: after, prepare: after };
}

/** The commit position, or undefined when the server did not give a real one (absent, 0 or u64::MAX). */
export function commitPositionOf(position: StorePosition | undefined): bigint | undefined {
  if (position === undefined) return undefined;
  const { commit } = position;
  return commit > 0n && commit < FIRST_INVALID_POSITION ? commit : undefined;
}

/** True when `position` is strictly after the exclusive checkpoint `after`. */
export function isAfter(position: bigint, after: bigint | undefined): boolean {
  return after === undefined || position > after;
}

/** Total order of `$all` positions: commit first, then prepare. */
export function comparePositions(a: StorePosition, b: StorePosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Whether a paged `$all` read has moved past the last event already visited, in its direction. */
export function isPastCursor(
  position: StorePosition,
  cursor: StorePosition | undefined,
  direction: 'forwards' | 'backwards',
): boolean {
  if (cursor === undefined) return true;
  const order = comparePositions(position, cursor);
  return direction === 'forwards' ? order > 0 : order < 0;
}
