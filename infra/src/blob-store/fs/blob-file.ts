import { type FileHandle, open } from 'node:fs/promises';
import { decodeBlobHeader, HEADER_BYTES } from './blob-file-header.ts';
import { isMissing } from './fs-tree.ts';

export interface OpenBlobFile {
  /** Open for reading; the caller closes it (or hands it to a stream that does). */
  readonly handle: FileHandle;
  /** Content size, without the header. */
  readonly size: number;
  readonly contentType: string;
  readonly sha256: string;
}

/** Opens a stored blob and reads its header and size from the same handle; null when there is none. */
export async function openBlobFile(path: string): Promise<OpenBlobFile | null> {
  const handle = await open(path, 'r').catch((error) => {
    if (isMissing(error)) return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    const { contentType, sha256 } = decodeBlobHeader(header.subarray(0, bytesRead), path);
    const { size } = await handle.stat();
    return { handle, size: size - HEADER_BYTES, contentType, sha256 };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Writes all of `bytes` at `position`; a single write may legally write less. */
export async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let offset = 0; offset < bytes.byteLength; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, position + offset);
    offset += bytesWritten;
  }
}
