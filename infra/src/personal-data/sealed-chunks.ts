import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyObjectOf } from './aes-gcm.ts';

/**
 * A sealed blob is a run of chunks, each AES-256-GCM with its own random 96-bit
 * nonce: nonce ‖ ciphertext ‖ tag. Every chunk but the last holds exactly
 * CHUNK_BYTES of plaintext, so a byte range maps to whole chunks (media seeks
 * read only those), and the associated data names the blob, the chunk's index and
 * whether it is the last: chunks cannot be reordered, moved to another blob or cut off.
 * An empty blob is one empty final chunk.
 */
export const CHUNK_BYTES = 64 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const CHUNK_OVERHEAD = NONCE_BYTES + TAG_BYTES;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + CHUNK_OVERHEAD;

const associatedData = (blobKey: string, index: number, last: boolean) =>
  Buffer.from(`bishop-blob\n${blobKey}\n${index}\n${last ? 'last' : 'more'}`, 'utf8');

function sealChunk(key: Uint8Array, blobKey: string, index: number, last: boolean, plain: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyObjectOf(key), nonce);
  cipher.setAAD(associatedData(blobKey, index, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

function openChunk(key: Uint8Array, blobKey: string, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < CHUNK_OVERHEAD) throw new Error(`${blobKey}: chunk ${index} is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', keyObjectOf(key), sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(associatedData(blobKey, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** Plaintext size of a sealed blob of `sealedSize` bytes. */
export function plainSizeOf(sealedSize: number): number {
  const chunks = Math.max(1, Math.ceil(sealedSize / SEALED_CHUNK_BYTES));
  return Math.max(0, sealedSize - chunks * CHUNK_OVERHEAD);
}

/** The sealed bytes to fetch for plaintext bytes `start..end` (inclusive; no end: to the end). */
export function sealedRangeOf(range: { readonly start: number; readonly end?: number }): {
  start: number;
  end?: number;
} {
  const start = Math.floor(range.start / CHUNK_BYTES) * SEALED_CHUNK_BYTES;
  if (range.end === undefined) return { start };
  return { start, end: (Math.floor(range.end / CHUNK_BYTES) + 1) * SEALED_CHUNK_BYTES - 1 };
}

/** Seals a plaintext stream as it flows, holding at most one chunk in memory. */
export async function* sealChunks(
  key: Uint8Array,
  blobKey: string,
  plain: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  for await (const piece of plain) {
    let rest = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingBytes + rest.length > CHUNK_BYTES) {
      // A full chunk that more bytes follow: never the last one.
      const take = CHUNK_BYTES - pendingBytes;
      pending.push(rest.subarray(0, take));
      rest = rest.subarray(take);
      yield sealChunk(key, blobKey, index++, false, Buffer.concat(pending, CHUNK_BYTES));
      pending = [];
      pendingBytes = 0;
    }
    if (rest.length > 0) {
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  yield sealChunk(key, blobKey, index, true, Buffer.concat(pending, pendingBytes));
}

/**
 * Opens the sealed chunks from chunk `firstChunk` on, of a blob of `sealedSize`
 * bytes, and yields plaintext bytes `skip..` of them, `length` in all.
 */
export async function* openChunks(
  key: Uint8Array,
  blobKey: string,
  sealed: AsyncIterable<Uint8Array>,
  span: { readonly sealedSize: number; readonly firstChunk: number; readonly skip: number; readonly length: number },
): AsyncGenerator<Uint8Array> {
  const lastIndex = Math.max(1, Math.ceil(span.sealedSize / SEALED_CHUNK_BYTES)) - 1;
  let index = span.firstChunk;
  let skip = span.skip;
  let remaining = span.length;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const emit = (plain: Buffer): Buffer => {
    const part = plain.subarray(skip, skip + remaining);
    skip = Math.max(0, skip - plain.length);
    remaining -= part.length;
    return part;
  };
  for await (const piece of sealed) {
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.byteLength;
    while (pendingBytes >= SEALED_CHUNK_BYTES && remaining > 0) {
      const all = Buffer.concat(pending, pendingBytes);
      const part = emit(openChunk(key, blobKey, index, index === lastIndex, all.subarray(0, SEALED_CHUNK_BYTES)));
      index++;
      pending = [all.subarray(SEALED_CHUNK_BYTES)];
      pendingBytes = all.length - SEALED_CHUNK_BYTES;
      if (part.length > 0) yield part;
    }
  }
  if (pendingBytes > 0 && remaining > 0) {
    const part = emit(openChunk(key, blobKey, index, index === lastIndex, Buffer.concat(pending, pendingBytes)));
    if (part.length > 0) yield part;
  }
  if (remaining > 0) throw new Error(`${blobKey} is truncated: ${remaining} bytes are missing`);
}
