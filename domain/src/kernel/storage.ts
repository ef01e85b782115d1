import { DomainError } from './errors.ts';

// The BlobStore port's rule: `/`-separated segments of [A-Za-z0-9._-], none starting with a dot, ≤ 1024 chars.
const BLOB_KEY = /^(?=.{1,1024}$)[A-Za-z0-9][A-Za-z0-9._-]{0,254}(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,254})*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Keys the blob store hands out: relative paths without `..`, so a key cannot escape its bucket. */
export function validBlobKey(value: string, field: string): string {
  if (typeof value !== 'string' || !BLOB_KEY.test(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} is not a valid storage key`, { field });
  }
  return value;
}

export function validSha256(value: string, field: string): string {
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be a lowercase SHA-256 hex digest`, { field });
  }
  return value;
}
