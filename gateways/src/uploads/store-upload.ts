import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '@bishop/domain';
import { type BlobStore, BlobTooLargeError, type StoredBlob } from '@bishop/domain/ports';
import { classifyUpload, SNIFF_BYTES, type UploadClass } from './classify-upload.ts';
import { peekStream } from './peek-stream.ts';

export interface UploadedFile {
  readonly fileName: string;
  readonly body: AsyncIterable<Uint8Array>;
}

/**
 * Sniffs, streams and stores one uploaded file, then runs `record` (the
 * command that makes it part of the avatar). If classification, storage or
 * the command fails, the blob is removed: no event without its blob, no blob
 * without its event.
 */
export async function storeUpload<T>(
  blobs: BlobStore,
  file: UploadedFile,
  options: {
    readonly maxBytes: number;
    /** The error for a file over `maxBytes` (default: over the file size limit). */
    readonly tooLarge?: () => DomainError;
    readonly blobKeyFor: (id: string) => string;
    readonly accept?: (classified: UploadClass) => void;
    readonly record: (stored: StoredBlob, classified: UploadClass, id: string) => Promise<T>;
  },
): Promise<T> {
  const { head, body, discardRest } = await peekStream(file.body, SNIFF_BYTES);
  const id = randomUUID();
  const key = options.blobKeyFor(id);
  let classified: UploadClass;
  let stored: StoredBlob;
  try {
    classified = await classifyUpload(file.fileName, head);
    options.accept?.(classified);
    stored = await blobs.put(key, body, { contentType: classified.mediaType, maxBytes: options.maxBytes });
  } catch (error) {
    // The multipart parser only reaches the next file once this one is read to its end.
    await discardRest().catch(() => {});
    if (error instanceof BlobTooLargeError) {
      if (options.tooLarge) throw options.tooLarge();
      throw new DomainError(
        'BISHOP_ERR_FILE_TOO_LARGE',
        `"${file.fileName}" is larger than the limit of ${formatBytes(options.maxBytes)}`,
        { fileName: file.fileName, maxBytes: options.maxBytes },
      );
    }
    throw error;
  }
  try {
    return await options.record(stored, classified, id);
  } catch (error) {
    await blobs.delete(key).catch(() => {});
    throw error;
  }
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The per-file outcome reported to the client. */
export function uploadFailure(fileName: string, error: unknown) {
  if (isDomainError(error))
    return { fileName, error: { code: error.category, bishopCode: error.code, message: error.message } };
  return {
    fileName,
    error: { code: 'INTERNAL', bishopCode: 'BISHOP_ERR_INTERNAL', message: 'The file could not be stored' },
  };
}
