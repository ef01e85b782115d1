/**
 * BlobStore port: large binary content (uploaded materials, voice samples,
 * extracted texts, dubs, persona snapshots). Events carry only blob keys.
 * Adapters: local filesystem (embedded) and S3/MinIO; one contract suite.
 */

/** Keys are `/`-separated paths of safe segments, e.g. `avatars/<id>/materials/<id>/original`. */
export type BlobKey = string;

export interface BlobPutOptions {
  readonly contentType?: string;
  /** Refuse (and store nothing) once the body exceeds this many bytes. */
  readonly maxBytes?: number;
}

export interface StoredBlob {
  readonly key: BlobKey;
  readonly size: number;
  /** Hex SHA-256 of the content, computed while it streamed in. */
  readonly sha256: string;
  readonly contentType: string;
}

export interface BlobRange {
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte, inclusive; omitted = to the end. */
  readonly end?: number;
}

export interface BlobRead {
  /** A Node.js Readable in practice; typed as what every consumer needs. */
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
   * Nothing is left behind when the body errors or exceeds `maxBytes`.
   * Writing an existing key replaces it.
   */
  put(key: BlobKey, body: AsyncIterable<Uint8Array> | Uint8Array, options?: BlobPutOptions): Promise<StoredBlob>;
  /** Throws BlobNotFoundError for a missing key, RangeError for an unsatisfiable range. */
  get(key: BlobKey, options?: { readonly range?: BlobRange }): Promise<BlobRead>;
  /** Size and type, or null when missing. */
  stat(key: BlobKey): Promise<{ readonly size: number; readonly contentType: string } | null>;
  /** Idempotent. */
  delete(key: BlobKey): Promise<void>;
  /** Deletes every blob under `prefix/` (crypto-shredding removes an avatar's blobs this way); returns how many. */
  deletePrefix(prefix: BlobKey): Promise<number>;
  /** Keys under `prefix/`, for cleanup of orphans. */
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

export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`The content is larger than the limit of ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}
