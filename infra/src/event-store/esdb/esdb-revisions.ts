import { type ExpectedRevision, RevisionConflictError, type StreamName } from '@bishop/domain/ports';

/**
 * Expected revision in the client's words. The strings are the values of the
 * client's ANY / NO_STREAM / STREAM_EXISTS constants (the same in
 * @kurrent/kurrentdb-client); the adapter's typecheck proves they still match.
 */
export type StoreExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** What the server reports as a stream's current revision on a conflict. */
export type StoreCurrentRevision = 'no_stream' | bigint;

export function toStoreExpectedRevision(expected: ExpectedRevision): StoreExpectedRevision {
  if (expected === 'any') return 'any';
  if (expected === 'noStream') return 'no_stream';
  if (expected === 'exists') return 'stream_exists';
  // -1n is what an empty append to a missing stream returns as nextRevision: it means "no stream".
  if (expected === -1n) return 'no_stream';
  if (expected < -1n) throw new RangeError(`Expected revision ${expected} is not a stream revision`);
  return expected;
}

/** Our `actual` for RevisionConflictError: -1n for a missing stream, undefined when unknown. */
export function toActualRevision(current: StoreCurrentRevision | undefined): bigint | undefined {
  if (current === undefined) return undefined;
  return current === 'no_stream' ? -1n : current;
}

/**
 * Checks an expectation against a revision we read ourselves (-1n: no stream),
 * for the operations the server cannot check for us (empty appends, some deletes).
 */
export function checkExpectedRevision(stream: StreamName, expected: ExpectedRevision, actual: bigint): void {
  const holds =
    expected === 'any' ||
    (expected === 'noStream' && actual === -1n) ||
    (expected === 'exists' && actual >= 0n) ||
    expected === actual;
  if (!holds) throw new RevisionConflictError(stream, expected, actual);
}
