import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
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
  /** Give up when no byte arrives for this long (connecting included); default 60 s. */
  readonly stallTimeoutMs?: number;
}

/** Where an interrupted download waits to be resumed (same name every run, so the next run finds it). */
export const partialPath = (destination: string) => join(dirname(destination), `.${basename(destination)}.part`);

/**
 * Streams `url` into a partial file next to `destination`, hashing on the
 * way, and renames it into place only when complete and matching the pinned
 * sha256: a reader never sees a partial or wrong file. An interrupted
 * download resumes from its partial file with an HTTP Range request (a server
 * that ignores Range sends the whole file again, which is taken instead).
 */
export async function downloadFile(
  url: string,
  destination: string,
  options: DownloadOptions = {},
): Promise<DownloadedFile> {
  await mkdir(dirname(destination), { recursive: true });
  const partial = partialPath(destination);
  const stall = stallWatch(url, options.stallTimeoutMs ?? 60_000);
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal;
  try {
    const have = await stat(partial).then(
      (s) => s.size,
      () => 0,
    );
    const response = await request(url, have, signal);
    const resumed = have > 0 && response.status === 206;
    const hash = createHash('sha256');
    if (resumed) await hashInto(hash, partial);
    let bytes = resumed ? have : 0;
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    const totalBytes = Number.isFinite(declared) ? declared + bytes : undefined;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        stall.touch();
        hash.update(chunk);
        bytes += chunk.length;
        options.onBytes?.(bytes, totalBytes);
        done(null, chunk);
      },
    });
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    await pipeline(body, count, createWriteStream(partial, { flags: resumed ? 'a' : 'w' }), { signal });
    if (totalBytes !== undefined && bytes !== totalBytes) {
      throw new ModelDownloadError(`GET ${url} ended after ${bytes} of ${totalBytes} bytes (run pull again to resume)`);
    }
    const sha256 = hash.digest('hex');
    if (options.expectedSha256 && sha256 !== options.expectedSha256) {
      await rm(partial, { force: true });
      throw new ModelChecksumError(url, options.expectedSha256, sha256);
    }
    await rename(partial, destination);
    return { sha256, bytes };
  } catch (error) {
    if (stall.signal.aborted) throw stall.signal.reason;
    if (options.signal?.aborted) throw error;
    throw error instanceof ModelDownloadError || error instanceof ModelChecksumError
      ? error
      : cannotDownload(url, error);
  } finally {
    stall.stop();
  }
}

async function request(url: string, have: number, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, {
    redirect: 'follow',
    signal,
    ...(have > 0 ? { headers: { range: `bytes=${have}-` } } : {}),
  });
  // 416: the partial file is not a prefix of what the server has now; start over.
  if (have > 0 && response.status === 416) return request(url, 0, signal);
  if ((response.ok || response.status === 206) && response.body) return response;
  throw new ModelDownloadError(`GET ${url} answered HTTP ${response.status} ${response.statusText}`.trim());
}

/** A network failure in words: the address and the system's reason (ENOTFOUND, ECONNREFUSED, a TLS error…). */
function cannotDownload(url: string, error: unknown): ModelDownloadError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ModelDownloadError(`Cannot download ${url}: ${reason} (run pull again to resume)`);
}

/** Aborts when no byte arrived for `timeoutMs`. */
function stallWatch(url: string, timeoutMs: number) {
  const controller = new AbortController();
  const expire = () =>
    controller.abort(
      new ModelDownloadError(`GET ${url}: no data for ${timeoutMs / 1000} s, gave up (run pull again to resume)`),
    );
  let timer = setTimeout(expire, timeoutMs);
  return {
    signal: controller.signal,
    touch() {
      clearTimeout(timer);
      timer = setTimeout(expire, timeoutMs);
    },
    stop: () => clearTimeout(timer),
  };
}

async function hashInto(hash: Hash, path: string): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk);
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await hashInto(hash, path);
  return hash.digest('hex');
}
