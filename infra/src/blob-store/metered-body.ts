import { createHash } from 'node:crypto';
import { BlobTooLargeError } from '@bishop/domain/ports';

export interface MeteredBody {
  /** The body's chunks, hashed and counted as they pass; throws BlobTooLargeError past the limit. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Size and hex SHA-256; only once `chunks` has been read to the end. */
  result(): { readonly size: number; readonly sha256: string };
}

/** Wraps a put body so both adapters hash, count and limit it the same way while it streams. */
export function meterBody(body: AsyncIterable<Uint8Array> | Uint8Array, maxBytes: number | undefined): MeteredBody {
  const hash = createHash('sha256');
  let size = 0;
  let sha256: string | undefined;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    const source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> = body instanceof Uint8Array ? [body] : body;
    for await (const chunk of source) {
      if (!(chunk instanceof Uint8Array)) {
        throw new TypeError(`A blob body must yield Uint8Array chunks, got ${typeof chunk}`);
      }
      size += chunk.byteLength;
      // Checked before the chunk moves on, so an adapter never stores a byte past the limit.
      if (maxBytes !== undefined && size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(chunk);
      yield chunk;
    }
    sha256 = hash.digest('hex');
  }

  return {
    chunks: chunks(),
    result() {
      if (sha256 === undefined) throw new Error('The blob body has not been read to the end yet');
      return { size, sha256 };
    },
  };
}
