import { Readable } from 'node:stream';
import {
  BlobNotFoundError,
  type BlobRange,
  type BlobRead,
  type BlobStore,
  DataKeyDestroyedError,
  type KeyStore,
} from '@bishop/domain/ports';
import { assertBlobKey } from '../blob-store/blob-key.ts';
import { checkPutOptions } from '../blob-store/blob-put-options.ts';
import { resolveByteRange } from '../blob-store/byte-range.ts';
import { meterBody } from '../blob-store/metered-body.ts';
import { CHUNK_BYTES, openChunks, plainSizeOf, sealChunks, sealedRangeOf } from './sealed-chunks.ts';

/** Marks a sealed blob in its stored content type, so a read knows before it fetches a byte. */
const SEALED_MARK = ';sealed=bishop-v1';
const MAX_CONTENT_TYPE = 255 - SEALED_MARK.length;

/** Whose key seals a blob: everything under `avatars/<id>/` is that avatar's personal data. */
export function blobSubjectOf(key: string): string | null {
  // Checked first: a hostile key must never reach the key store (nor create a key).
  assertBlobKey(key);
  const match = /^avatars\/([^/]+)\//.exec(key);
  return match ? `avatar-${match[1]}` : null;
}

const isSealedType = (contentType: string) => contentType.endsWith(SEALED_MARK);
const plainType = (contentType: string) => contentType.slice(0, -SEALED_MARK.length);

/**
 * Encrypts every blob of a data subject with the subject's data key (the one
 * its events' personal fields use), streamed in chunks (sealed-chunks.ts), so
 * destroying the key makes every copy of the blob unreadable: the store's
 * files, S3 versions and replicas, backups. Reads stream and decrypt; a range
 * fetches only the chunks it needs. Blobs written before encryption existed
 * (no mark in their content type) read as they are until `sealLegacyBlobs`
 * has rewritten them.
 */
export function createSealedBlobStore(inner: BlobStore, keys: KeyStore): BlobStore {
  async function keyFor(blobKey: string): Promise<Uint8Array> {
    const subject = blobSubjectOf(blobKey) as string;
    const key = await keys.findDataKey(subject);
    // A shredded subject's blobs are gone, whatever bytes may linger: nobody can read them.
    if (!key) throw new BlobNotFoundError(blobKey);
    return key;
  }

  async function getSealed(blobKey: string, range: BlobRange | undefined, key: Uint8Array, first: BlobRead) {
    const size = plainSizeOf(first.size);
    const contentType = plainType(first.contentType);
    const wanted = range ? resolveByteRange(range, size) : size === 0 ? null : { start: 0, end: size - 1 };
    const firstChunk = wanted ? Math.floor(wanted.start / CHUNK_BYTES) : 0;
    const body = openChunks(key, blobKey, first.body, {
      sealedSize: first.size,
      firstChunk,
      skip: wanted ? wanted.start - firstChunk * CHUNK_BYTES : 0,
      length: wanted ? wanted.end - wanted.start + 1 : 0,
    });
    return {
      body: Readable.from(closing(body, first.body)),
      size,
      contentType,
      ...(range && wanted ? { range: wanted } : {}),
    } satisfies BlobRead;
  }

  return {
    async put(blobKey, body, options) {
      const subject = blobSubjectOf(blobKey);
      if (!subject) return inner.put(blobKey, body, options);
      const { contentType, maxBytes } = checkPutOptions(options);
      if (contentType.length > MAX_CONTENT_TYPE) {
        throw new TypeError(`Invalid content type: at most ${MAX_CONTENT_TYPE} characters for a sealed blob`);
      }
      const key = await keys.obtainDataKey(subject);
      const metered = meterBody(body, maxBytes);
      await inner.put(blobKey, sealChunks(key, blobKey, metered.chunks), { contentType: contentType + SEALED_MARK });
      return { key: blobKey, contentType, ...metered.result() };
    },

    async get(blobKey, options) {
      if (!blobSubjectOf(blobKey)) return inner.get(blobKey, options);
      const key = await keyFor(blobKey);
      const range = options?.range;
      if (range) resolveByteRange(range, Number.MAX_SAFE_INTEGER);
      // Only the chunks the range needs (to the end when the range is open-ended).
      const span = range && sealedRangeOf(range);
      const first = await inner.get(blobKey, span ? { range: span } : {});
      if (isSealedType(first.contentType)) {
        try {
          return await getSealed(blobKey, range, key, first);
        } catch (error) {
          destroy(first.body);
          throw error;
        }
      }
      // Written before encryption: served as stored until the upgrade sweep seals it.
      destroy(first.body);
      return inner.get(blobKey, options);
    },

    async stat(blobKey) {
      const found = await inner.stat(blobKey);
      if (!found || !isSealedType(found.contentType)) return found;
      if (!(await keys.findDataKey(blobSubjectOf(blobKey) as string))) return null;
      return { size: plainSizeOf(found.size), contentType: plainType(found.contentType) };
    },

    delete: (blobKey) => inner.delete(blobKey),
    deletePrefix: (prefix) => inner.deletePrefix(prefix),
    async *list(prefix) {
      assertBlobKey(prefix);
      for await (const entry of inner.list(prefix)) {
        // Sizes as stored are of the ciphertext; the plaintext size needs the stored type, so a stat.
        if (!blobSubjectOf(entry.key)) yield entry;
        else {
          const found = await inner.stat(entry.key);
          if (found)
            yield { key: entry.key, size: isSealedType(found.contentType) ? plainSizeOf(found.size) : found.size };
        }
      }
    },
    close: () => inner.close(),
  };
}

/**
 * The upgrade of an install whose blobs were stored in plaintext: seals each in
 * place (a put replaces the whole blob). A deleted avatar's leftovers are
 * deleted instead. Returns how many blobs it sealed.
 */
export async function sealLegacyBlobs(inner: BlobStore, sealed: BlobStore): Promise<number> {
  let count = 0;
  for await (const { key } of inner.list('avatars')) {
    const found = await inner.stat(key);
    if (!found || isSealedType(found.contentType)) continue;
    const plain = await inner.get(key);
    // Another process may have sealed it since the stat: never seal twice.
    if (isSealedType(plain.contentType)) {
      destroy(plain.body);
      continue;
    }
    try {
      await sealed.put(key, plain.body, { contentType: found.contentType });
      count++;
    } catch (error) {
      destroy(plain.body);
      // A deleted avatar's leftover: nobody may read it any more.
      if (!(error instanceof DataKeyDestroyedError)) throw error;
      await inner.delete(key);
    }
  }
  return count;
}

function destroy(body: AsyncIterable<Uint8Array>): void {
  (body as { destroy?: () => void }).destroy?.();
}

/** Releases the stored body (a file handle, a connection) however the reader stops. */
async function* closing(opened: AsyncIterable<Uint8Array>, source: AsyncIterable<Uint8Array>) {
  try {
    yield* opened;
  } finally {
    destroy(source);
  }
}
