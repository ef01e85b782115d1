import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { normalizePassword } from './password-rules.ts';

/** scrypt cost: N (CPU/memory, a power of two), r (block size), p (parallelism). */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's minimum for scrypt (2025): 128 MiB and ~0.2–0.5 s per hash on a server core. */
export const defaultScryptCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
// Bounds for costs read back from storage, so a corrupt record cannot make us allocate gigabytes.
const MAX_MEMORY_BYTES = 1024 ** 3;
const STORED = /^scrypt\$(\d{1,10})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

export interface PasswordHasher {
  /** `scrypt$N$r$p$<salt>$<hash>` (base64url): the cost travels with the hash, so it can be raised later. */
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false (never a throw) for a wrong password or an unreadable record. */
  verify(password: string, stored: string): Promise<boolean>;
  /** True when the record was made with a lower cost than this hasher's: rehash it after a successful log-in. */
  needsRehash(stored: string): boolean;
}

export function createPasswordHasher(cost: ScryptCost = defaultScryptCost): PasswordHasher {
  checkCost(cost);
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const derived = await derive(password, salt, cost, HASH_BYTES);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), derived.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const record = parseStored(stored);
      if (record === null) return false;
      const derived = await derive(password, record.salt, record.cost, record.hash.length);
      return timingSafeEqual(derived, record.hash);
    },
    needsRehash(stored) {
      const record = parseStored(stored);
      return record === null || memoryOf(record.cost) * record.cost.p < memoryOf(cost) * cost.p;
    },
  };
}

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 2 * memoryOf(cost) };
  return new Promise((resolve, reject) =>
    scrypt(normalizePassword(password), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** scrypt needs 128 · N · r bytes. */
function memoryOf(cost: ScryptCost): number {
  return 128 * cost.N * cost.r;
}

function checkCost(cost: ScryptCost): void {
  if (!isSaneCost(cost)) {
    throw new Error(
      `Invalid scrypt cost N=${cost.N} r=${cost.r} p=${cost.p}: N must be a power of two ≥ 2, r 1–32, p 1–16, 128·N·r ≤ 1 GiB`,
    );
  }
}

function isSaneCost({ N, r, p }: ScryptCost): boolean {
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  const inRange = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
  return powerOfTwo && inRange(r, 32) && inRange(p, 16) && memoryOf({ N, r, p }) <= MAX_MEMORY_BYTES;
}

function parseStored(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | null {
  const parts = STORED.exec(stored);
  if (parts === null) return null;
  // Every group takes part in a match: the defaults are for the type checker.
  const [, N = '', r = '', p = '', salt = '', hash = ''] = parts;
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  if (!isSaneCost(cost)) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}
