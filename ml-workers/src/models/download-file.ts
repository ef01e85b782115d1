import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError';
}

export class ModelChecksumError extends Error {
  override readonly name = 'ModelChecksumError';
  constructor(url: string, expected: string, actual: string) {
    super(`${url} has sha256 ${actual}, but ${expected} is pinned; the file was not kept`);
  }
}

export interface DownloadedFile {
  readonly sha256: string;
  readonly bytes: number;
}

export interface DownloadOptions {
  readonly expectedSha256?: string;
  readonly signal?: AbortSignal;
  readonly onBytes?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/**
 * Streams `url` into a temporary file next to `destination`, hashing on the way,
 * and renames it into place only when complete and matching the pinned sha256:
 * a reader never sees a partial or wrong file.
 */
export async function downloadFile(
  url: string,
  destination: string,
  options: DownloadOptions = {},
): Promise<DownloadedFile> {
  const response = await fetch(url, { redirect: 'follow', ...(options.signal ? { signal: options.signal } : {}) });
  if (!response.ok || !response.body) {
    throw new ModelDownloadError(`GET ${url} answered HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const totalBytes = Number.isFinite(declared) ? declared : undefined;
  await mkdir(dirname(destination), { recursive: true });
  const temporary = join(dirname(destination), `.${basename(destination)}.${randomUUID()}.part`);
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      options.onBytes?.(bytes, totalBytes);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body), count, createWriteStream(temporary), {
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (totalBytes !== undefined && bytes !== totalBytes) {
      throw new ModelDownloadError(`GET ${url} ended after ${bytes} of ${totalBytes} bytes`);
    }
    const sha256 = hash.digest('hex');
    if (options.expectedSha256 && sha256 !== options.expectedSha256) {
      throw new ModelChecksumError(url, options.expectedSha256, sha256);
    }
    await rename(temporary, destination);
    return { sha256, bytes };
  } finally {
    await rm(temporary, { force: true });
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}
