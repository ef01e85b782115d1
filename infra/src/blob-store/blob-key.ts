import { type BlobKey, InvalidBlobKeyError } from '@bishop/domain/ports';

const MAX_KEY_LENGTH = 1024;
// 255 is the longest file name most filesystems allow; the filesystem adapter maps segments to directories.
const MAX_SEGMENT_LENGTH = 255;
// No leading dot: that rules out `.` and `..` and leaves dot-names to the adapters' own files.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Checks a key (or a prefix) against the port's rule before any storage is
 * touched; an allow-list, so `..`, absolute paths, backslashes, NUL and empty
 * segments are all refused by construction, each with its own reason.
 */
export function assertBlobKey(key: BlobKey): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidBlobKeyError(String(key), 'it is empty');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidBlobKeyError(key, `it is longer than ${MAX_KEY_LENGTH} characters`);
  if (key.startsWith('/')) throw new InvalidBlobKeyError(key, 'it is absolute (starts with "/")');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidBlobKeyError(key, 'it has an empty segment ("//" or a trailing "/")');
    if (segment === '.' || segment === '..') throw new InvalidBlobKeyError(key, `it has a "${segment}" segment`);
    if (segment.length > MAX_SEGMENT_LENGTH) {
      throw new InvalidBlobKeyError(key, `a segment is longer than ${MAX_SEGMENT_LENGTH} characters`);
    }
    if (!SEGMENT.test(segment)) {
      throw new InvalidBlobKeyError(key, `segment ${JSON.stringify(segment)} ${describeBadSegment(segment)}`);
    }
  }
  if (!/^[A-Za-z0-9]/.test(key)) throw new InvalidBlobKeyError(key, 'it must start with a letter or a digit');
}

function describeBadSegment(segment: string): string {
  if (segment.startsWith('.')) return 'starts with "."';
  if (segment.includes('\\')) return 'contains a backslash';
  if (segment.includes('\0')) return 'contains a NUL character';
  return 'may only contain A-Z, a-z, 0-9, ".", "_" and "-"';
}
