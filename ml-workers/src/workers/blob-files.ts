import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '@bishop/domain/ports';
import { jobFilePath, jobScratchDirectory } from '../runtime/job-scratch.ts';

/** All bytes of a blob (documents, chat exports: parsers need them whole). */
export async function readBlob(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const blob = await blobs.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of blob.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Streams a blob into a private temporary file (ffmpeg reads files) and runs
 * `work` on its path; the file is removed afterwards, whatever happens.
 */
export async function withBlobAsFile<T>(blobs: BlobStore, key: string, work: (path: string) => Promise<T>): Promise<T> {
  const blob = await blobs.get(key);
  return withContentAsFile(blob.body, work);
}

/**
 * Runs `work` with a private temporary directory of its own (a chat's spilled messages: the user's words at
 * rest), removed afterwards whatever happens: success, failure or abort.
 */
export async function withScratchDirectory<T>(work: (directory: string) => Promise<T>): Promise<T> {
  const directory = await jobScratchDirectory();
  try {
    return await work(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The same for bytes in memory (a voice message inside a chat export). */
export function withBytesAsFile<T>(bytes: Uint8Array, work: (path: string) => Promise<T>): Promise<T> {
  return withContentAsFile([bytes], work);
}

async function withContentAsFile<T>(
  content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const path = await jobFilePath(randomUUID());
  try {
    await pipeline(Readable.from(content), createWriteStream(path, { mode: 0o600 }));
    return await work(path);
  } finally {
    await rm(path, { force: true });
  }
}
