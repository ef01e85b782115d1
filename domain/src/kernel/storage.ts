import { DomainError } from './errors.ts';

const BLOB_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,1023}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Keys the blob store hands out: relative paths without `..`, so a key cannot escape its bucket. */
export function validBlobKey(value: string, field: string): string {
  if (typeof value !== 'string' || !BLOB_KEY.test(value) || value.split('/').includes('..')) {
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
