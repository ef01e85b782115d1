import type { BlobRange } from '@bishop/domain/ports';

/** The inclusive byte span a range selects in a blob of `size` bytes; RangeError when nothing can be served. */
export function resolveByteRange(range: BlobRange, size: number): { readonly start: number; readonly end: number } {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new RangeError(`Range start must be a non-negative integer, got ${start}`);
  }
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new RangeError(`Range end must be an integer not before its start (${start}), got ${end}`);
  }
  if (start >= size) throw new RangeError(`Range start ${start} is past the end of the ${size}-byte blob`);
  // Like HTTP: an end past the blob means "to the end".
  return { start, end: Math.min(end ?? size - 1, size - 1) };
}
