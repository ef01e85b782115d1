import { createHash, randomBytes } from 'node:crypto';

/** Prefixes make leaked secrets recognisable to scanners and tell the two kinds apart. */
export const secretPrefixes = {
  apiToken: 'bishop_pat_',
  refreshToken: 'bishop_rt_',
  passwordReset: 'bishop_prt_',
} as const;
export type SecretKind = keyof typeof secretPrefixes;

const SECRET_BYTES = 32;
// 32 bytes are 43 base64url characters (no padding).
const BODY = /^[A-Za-z0-9_-]{43}$/;

/** A fresh 256-bit secret, e.g. `bishop_pat_<43 base64url characters>`. */
export function newSecret(kind: SecretKind): string {
  return secretPrefixes[kind] + randomBytes(SECRET_BYTES).toString('base64url');
}

/** Whether the value looks like a secret of this kind (checked before any lookup). */
export function hasSecretShape(kind: SecretKind, value: unknown): value is string {
  const prefix = secretPrefixes[kind];
  return typeof value === 'string' && value.startsWith(prefix) && BODY.test(value.slice(prefix.length));
}

/**
 * Secrets are stored as this hash. A plain SHA-256 suffices (no salt, no slow
 * hash): a secret is 256 random bits, so there is nothing to guess.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
