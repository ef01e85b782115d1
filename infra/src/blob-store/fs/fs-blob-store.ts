import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';
import { checkPutOptions } from '../blob-put-options.ts';
import { resolveByteRange } from '../byte-range.ts';
import { meterBody } from '../metered-body.ts';
import { openBlobFile, writeFully } from './blob-file.ts';
import { encodeBlobHeader, HEADER_BYTES } from './blob-file-header.ts';
import { BLOB_FILE, blobDirectoriesUnder, keyDirectory, TEMP_PREFIX } from './fs-layout.ts';
import { isMissing, removeEmptyDirectories, syncCreatedPath, walkDirectories } from './fs-tree.ts';

const DEFAULT_TEMP_AGE_MS = 60 * 60 * 1000;

export interface FsBlobStoreOptions {
  /** Directory that holds every blob; created when missing. */
  readonly root: string;
}

export interface FsBlobStore extends BlobStore {
  readonly root: string;
  /**
   * Removes the temporary files crashed puts left behind; returns how many.
   * Spares this instance's puts in flight, and files younger than `olderThanMs`
   * (default one hour), which another process may still be writing.
   */
  cleanupTemporaryFiles(options?: { readonly olderThanMs?: number }): Promise<number>;
}

/**
 * BlobStore in a local directory (the embedded default). A put streams into a
 * temp file beside its target, fsyncs, then renames it into place, so a blob
 * appears whole or not at all; a crash leaves at most a temp file.
 */
export async function createFsBlobStore(options: FsBlobStoreOptions): Promise<FsBlobStore> {
  const root = resolve(options.root);
  await mkdir(root, { recursive: true });
  const tempFilesInFlight = new Set<string>();

  async function createTempFile(dir: string) {
    // A concurrent delete may prune the fresh, still empty directory before the file exists: make it again.
    for (let attempt = 1; ; attempt++) {
      const firstCreated = await mkdir(dir, { recursive: true });
      const path = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
      tempFilesInFlight.add(path);
      try {
        return { path, handle: await open(path, 'wx'), firstCreated };
      } catch (error) {
        tempFilesInFlight.delete(path);
        if (!isMissing(error) || attempt === 3) throw error;
      }
    }
  }

  async function unlinkIfPresent(path: string): Promise<boolean> {
    return unlink(path).then(
      () => true,
      (error) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
  }

  return {
    root,

    async put(key, body, putOptions) {
      const dir = keyDirectory(root, key);
      const { contentType, maxBytes } = checkPutOptions(putOptions);
      const metered = meterBody(body, maxBytes);
      const temp = await createTempFile(dir);
      try {
        // The content goes after room for the header, which is written once the hash is known.
        let position = HEADER_BYTES;
        for await (const chunk of metered.chunks) {
          await writeFully(temp.handle, chunk, position);
          position += chunk.byteLength;
        }
        const { size, sha256 } = metered.result();
        await writeFully(temp.handle, encodeBlobHeader({ contentType, sha256 }), 0);
        await temp.handle.sync();
        await temp.handle.close();
        await rename(temp.path, join(dir, BLOB_FILE));
        await syncCreatedPath(dir, temp.firstCreated);
        return { key, size, sha256, contentType };
      } catch (error) {
        await temp.handle.close().catch(() => {});
        await unlinkIfPresent(temp.path);
        await removeEmptyDirectories(dir, root);
        throw error;
      } finally {
        tempFilesInFlight.delete(temp.path);
      }
    },

    async get(key, getOptions) {
      const file = await openBlobFile(join(keyDirectory(root, key), BLOB_FILE));
      if (!file) throw new BlobNotFoundError(key);
      const { handle, size, contentType } = file;
      try {
        const range = getOptions?.range && resolveByteRange(getOptions.range, size);
        if (size === 0) {
          await handle.close();
          return { body: Readable.from([]), size, contentType };
        }
        const { start, end } = range ?? { start: 0, end: size - 1 };
        // Reading the open handle: a concurrent overwrite or delete cannot change what this body serves.
        const body = handle.createReadStream({ start: HEADER_BYTES + start, end: HEADER_BYTES + end });
        return { body, size, contentType, ...(range && { range }) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async stat(key) {
      const file = await openBlobFile(join(keyDirectory(root, key), BLOB_FILE));
      if (!file) return null;
      await file.handle.close();
      return { size: file.size, contentType: file.contentType };
    },

    async delete(key) {
      const dir = keyDirectory(root, key);
      await unlinkIfPresent(join(dir, BLOB_FILE));
      await removeEmptyDirectories(dir, root);
    },

    async deletePrefix(prefix) {
      const start = keyDirectory(root, prefix);
      let deleted = 0;
      for await (const { path } of blobDirectoriesUnder(root, start)) {
        // Counted only when this call removed it, so racing deletes do not count one blob twice.
        if (await unlinkIfPresent(join(path, BLOB_FILE))) deleted++;
      }
      // Partial puts under the prefix go too (a killed upload of a deleted avatar must not linger).
      for await (const { path, entries } of walkDirectories(start)) {
        if (path === start) continue;
        for (const entry of entries) {
          if (entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) await unlinkIfPresent(join(path, entry.name));
        }
      }
      await removeEmptyDirectories(start, root);
      return deleted;
    },

    async *list(prefix) {
      for await (const { key, path } of blobDirectoriesUnder(root, keyDirectory(root, prefix))) {
        const info = await stat(join(path, BLOB_FILE)).catch((error) => {
          if (isMissing(error)) return null;
          throw error;
        });
        if (info) yield { key, size: info.size - HEADER_BYTES };
      }
    },

    async cleanupTemporaryFiles(cleanupOptions) {
      const cutoff = Date.now() - (cleanupOptions?.olderThanMs ?? DEFAULT_TEMP_AGE_MS);
      const touched = new Set<string>();
      let removed = 0;
      for await (const { path, entries } of walkDirectories(root)) {
        for (const entry of entries) {
          const file = join(path, entry.name);
          if (!entry.isFile() || !entry.name.startsWith(TEMP_PREFIX) || tempFilesInFlight.has(file)) continue;
          const info = await stat(file).catch(() => null);
          if (!info || info.mtimeMs > cutoff || !(await unlinkIfPresent(file))) continue;
          removed++;
          touched.add(path);
        }
      }
      for (const dir of touched) await removeEmptyDirectories(dir, root);
      return removed;
    },

    async close() {},
  };
}
