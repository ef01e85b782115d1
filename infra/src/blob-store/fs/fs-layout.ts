/**
 * Where blobs live on disk. Key `a/b` is the directory `<root>/a/b/` holding
 * the file `.blob`, so `a/b` and `a/b/c` can both exist, as in S3. Key
 * segments never start with a dot, so the store's own dot-names (`.blob`,
 * `.tmp-*`) cannot collide with a key.
 */
import { join, relative, sep } from 'node:path';
import type { BlobKey } from '@bishop/domain/ports';
import { assertBlobKey } from '../blob-key.ts';
import { isInside, walkDirectories } from './fs-tree.ts';

export const BLOB_FILE = '.blob';
export const TEMP_PREFIX = '.tmp-';

export function keyDirectory(root: string, key: BlobKey): string {
  assertBlobKey(key);
  const dir = join(root, ...key.split('/'));
  // Defence in depth: the key rule already guarantees this.
  if (!isInside(dir, root)) throw new Error(`Blob key ${key} resolves outside the store`);
  return dir;
}

/** Directories of the blobs under `prefixDirectory` (strictly under: the prefix's own blob is not included). */
export async function* blobDirectoriesUnder(
  root: string,
  prefixDirectory: string,
): AsyncGenerator<{ readonly key: BlobKey; readonly path: string }> {
  for await (const { path, entries } of walkDirectories(prefixDirectory)) {
    if (path !== prefixDirectory && entries.some((entry) => entry.name === BLOB_FILE)) {
      yield { key: relative(root, path).split(sep).join('/'), path };
    }
  }
}
