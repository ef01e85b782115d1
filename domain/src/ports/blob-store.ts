/**
 * BlobStore port: large binary content (uploaded materials, voice samples,
 * extracted texts, dubs, persona snapshots). Events carry only blob keys.
 * Adapters: local filesystem (embedded) and S3/MinIO; one contract suite.
 */

/**
 * Keys are `/`-separated paths of safe segments, e.g. `avatars/<id>/materials/<id>/original`.
 * A segment is 1–255 characters of `A-Z a-z 0-9 . _ -` and does not start with `.`
 * (so no `.`/`..`, no hidden names); the key starts with a letter or digit and is at
 * most 1024 characters. Every method (prefixes too) throws InvalidBlobKeyError for
 * anything else, before touching storage, so no key can escape the store.
 */
export type BlobKey = string;

export interface BlobPutOptions {
  /** A MIME type such as `audio/ogg` or `text/plain; charset=utf-8`; default `application/octet-stream`. */
  readonly contentType?: string;
  /** Refuse with BlobTooLargeError (and store nothing) once the body exceeds this many bytes. */
  readonly maxBytes?: number;
}

export interface StoredBlob {
  readonly key: BlobKey;
  readonly size: number;
  /** Hex SHA-256 of the content, computed while it streamed in. */
  readonly sha256: string;
  readonly contentType: string;
}

/** Bytes `start..end`, both inclusive, like an HTTP Range header. */
export interface BlobRange {
  /** First byte, inclusive; must be inside the blob. */
  readonly start: number;
  /** Last byte, inclusive; omitted = to the end; past the end = to the end. */
  readonly end?: number;
}

export interface BlobRead {
  /** A Node.js Readable in practice; typed as what every consumer needs. Read it to the end or destroy it: it holds a file or a connection. */
  readonly body: AsyncIterable<Uint8Array>;
  /** Size of the whole blob (not of the range). */
  readonly size: number;
  readonly contentType: string;
  /** The range actually served, when one was asked for. */
  readonly range?: { readonly start: number; readonly end: number };
}

export interface BlobStore {
  /**
   * Streams `body` into the store; resolves once the blob is durable.
   * Nothing is left behind when the body errors or exceeds `maxBytes`; an
   * earlier blob under the key then stays as it was.
   * Writing an existing key replaces it as a whole: readers see the old or the new content, never a mix.
   */
  put(key: BlobKey, body: AsyncIterable<Uint8Array> | Uint8Array, options?: BlobPutOptions): Promise<StoredBlob>;
  /** Throws BlobNotFoundError for a missing key, RangeError for an unsatisfiable range (start past the end, end before start, any range of an empty blob). */
  get(key: BlobKey, options?: { readonly range?: BlobRange }): Promise<BlobRead>;
  /** Size and type, or null when missing. */
  stat(key: BlobKey): Promise<{ readonly size: number; readonly contentType: string } | null>;
  /** Idempotent. */
  delete(key: BlobKey): Promise<void>;
  /** Deletes every blob under `prefix/` (crypto-shredding removes an avatar's blobs this way); returns how many. */
  deletePrefix(prefix: BlobKey): Promise<number>;
  /** Keys under `prefix/` (not `prefix` itself), in no particular order, for cleanup of orphans. */
  list(prefix: BlobKey): AsyncIterable<{ readonly key: BlobKey; readonly size: number }>;
  close(): Promise<void>;
}

export class BlobNotFoundError extends Error {
  override readonly name = 'BlobNotFoundError';
  readonly key: BlobKey;
  constructor(key: BlobKey) {
    super(`No blob stored at ${key}`);
    this.key = key;
  }
}

export class InvalidBlobKeyError extends Error {
  override readonly name = 'InvalidBlobKeyError';
  readonly key: string;
  constructor(key: string, reason: string) {
    super(`Invalid blob key ${JSON.stringify(key)}: ${reason}`);
    this.key = key;
  }
}

export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`The content is larger than the limit of ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}
