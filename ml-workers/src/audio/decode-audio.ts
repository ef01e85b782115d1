import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { AudioInputError } from './audio-input-error.ts';
import { type AudioTools, audioTools, sampleRate } from './audio-tools.ts';
import { audioErrorFromFfmpeg } from './ffmpeg-errors.ts';
import { toolMissing, withSignal } from './run-tool.ts';

export interface DecodeOptions {
  readonly tools?: AudioTools;
  readonly signal?: AbortSignal;
  /** Fail when ffmpeg produces nothing for this long while we wait for it (default 60 s). */
  readonly stallTimeoutMs?: number;
  /** Decode only this part of the input, in seconds. */
  readonly startSec?: number;
  readonly endSec?: number;
}

const bytesPerSample = Float32Array.BYTES_PER_ELEMENT;

/**
 * Decodes the first audio track of any file ffmpeg reads (audio or video) to
 * 16 kHz mono float PCM, yielded in pieces as ffmpeg produces them. Nothing
 * buffers the whole input: when the consumer stops pulling, the pipe fills and
 * ffmpeg waits. The input is a path because MP4/M4A/MOV need a seekable file.
 */
export async function* decodeAudio(file: string, options: DecodeOptions = {}): AsyncGenerator<Float32Array> {
  // Absolute, so ffmpeg never takes the name for an option or a protocol (`-x`, `http:`).
  const path = resolve(file);
  const tools = options.tools ?? audioTools();
  const range = [
    ...(options.startSec !== undefined ? ['-ss', String(options.startSec)] : []),
    ...(options.endSec !== undefined ? ['-to', String(options.endSec)] : []),
  ];
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', ...range, '-i', path];
  args.push('-map', '0:a:0', '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1');
  const child = spawn(tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], ...withSignal(options.signal) });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-8192);
  });
  const exited = new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  const pieces = child.stdout[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let carry = Buffer.alloc(0);
  try {
    while (true) {
      const next = await withStallTimeout(pieces.next(), stallTimeoutMs, () => child.kill('SIGKILL'));
      if (next.done) break;
      // ffmpeg's pipe writes need not end on a sample boundary: keep the odd bytes for the next piece.
      const bytes = carry.length > 0 ? Buffer.concat([carry, next.value]) : next.value;
      const whole = bytes.length - (bytes.length % bytesPerSample);
      carry = Buffer.from(bytes.subarray(whole));
      if (whole > 0) yield toFloat32(bytes.subarray(0, whole));
    }
    const { code, error } = await exited;
    options.signal?.throwIfAborted();
    if (error) throw error.code === 'ENOENT' ? toolMissing(tools.ffmpeg) : error;
    if (code !== 0) throw audioErrorFromFfmpeg(stderr, path);
  } catch (error) {
    options.signal?.throwIfAborted();
    throw error;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function toFloat32(bytes: Buffer): Float32Array {
  const samples = new Float32Array(bytes.length / bytesPerSample);
  new Uint8Array(samples.buffer).set(bytes);
  return samples;
}

async function withStallTimeout<T>(pending: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new AudioInputError('timeout', `Decoding stopped: ffmpeg produced no audio for ${ms / 1000} s.`));
    }, ms);
  });
  try {
    return await Promise.race([pending, stalled]);
  } finally {
    clearTimeout(timer);
  }
}
