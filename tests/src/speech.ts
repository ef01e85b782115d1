import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Synthetic speech for tests: espeak-ng says `text`, sox pads it with silence
 * and makes it 16 kHz mono 16-bit WAV (what a call streams and Whisper takes).
 */
export async function spokenWav(
  text: string,
  options: { language?: 'en' | 'ru'; padBeforeSec?: number; padAfterSec?: number } = {},
): Promise<Uint8Array> {
  const directory = await mkdtemp(join(tmpdir(), 'bishop-speech-'));
  try {
    const raw = join(directory, 'raw.wav');
    const out = join(directory, 'speech.wav');
    await run('espeak-ng', ['-v', options.language === 'ru' ? 'ru' : 'en-us', '-s', '150', '-w', raw, '--', text]);
    await run('sox', [
      raw,
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '16',
      out,
      'pad',
      String(options.padBeforeSec ?? 0.3),
      String(options.padAfterSec ?? 0.3),
    ]);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Silence of the given length as 16 kHz mono 16-bit WAV. */
export async function silentWav(seconds: number): Promise<Uint8Array> {
  const directory = await mkdtemp(join(tmpdir(), 'bishop-silence-'));
  try {
    const out = join(directory, 'silence.wav');
    await run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', out, 'trim', '0', String(seconds)]);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The PCM samples (16-bit little-endian) of a canonical 44-byte-header WAV. */
export function pcmOfWav(wav: Uint8Array): Int16Array {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  // Walk the RIFF chunks to `data` (sox may add a LIST chunk).
  let offset = 12;
  while (offset + 8 <= wav.byteLength) {
    const id = String.fromCharCode(...wav.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === 'data') {
      const bytes = wav.slice(offset + 8, offset + 8 + size);
      return new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 2));
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk in the WAV');
}
