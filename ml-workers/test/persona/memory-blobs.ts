import { createHash } from 'node:crypto';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';

/** A BlobStore in a Map, for unit tests of code that only puts and gets whole blobs. */
export function memoryBlobs(): BlobStore & { readonly entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  const contentType = 'application/octet-stream';
  return {
    entries,
    async put(key, body) {
      const chunks: Uint8Array[] = [];
      if (body instanceof Uint8Array) chunks.push(body);
      else for await (const chunk of body) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      entries.set(key, bytes);
      return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType };
    },
    async get(key) {
      const bytes = entries.get(key);
      if (!bytes) throw new BlobNotFoundError(key);
      return { body: [bytes] as unknown as AsyncIterable<Uint8Array>, size: bytes.length, contentType };
    },
    async stat(key) {
      const bytes = entries.get(key);
      return bytes ? { size: bytes.length, contentType } : null;
    },
    async delete(key) {
      entries.delete(key);
    },
    async deletePrefix(prefix) {
      const keys = [...entries.keys()].filter((key) => key.startsWith(`${prefix}/`));
      for (const key of keys) entries.delete(key);
      return keys.length;
    },
    async *list(prefix) {
      for (const [key, bytes] of entries) if (key.startsWith(`${prefix}/`)) yield { key, size: bytes.length };
    },
    async close() {},
  };
}
