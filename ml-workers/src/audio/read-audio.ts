import { AudioInputError } from './audio-input-error.ts';
import { sampleRate } from './audio-tools.ts';
import { type DecodeOptions, decodeAudio } from './decode-audio.ts';

/**
 * Decodes a short input (a voice sample, a cut) into one array. Refuses to hold
 * more than `maxSec` seconds, so a long upload cannot exhaust memory here.
 */
export async function readAudio(path: string, maxSec: number, options: DecodeOptions = {}): Promise<Float32Array> {
  const pieces: Float32Array[] = [];
  let length = 0;
  for await (const piece of decodeAudio(path, options)) {
    length += piece.length;
    if (length > maxSec * sampleRate) {
      throw new AudioInputError('too-long', `The audio is longer than ${maxSec} s, the most this step reads.`);
    }
    pieces.push(piece);
  }
  return concatSamples(pieces, length);
}

export function concatSamples(pieces: readonly Float32Array[], length = pieces.reduce((n, p) => n + p.length, 0)) {
  const all = new Float32Array(length);
  let offset = 0;
  for (const piece of pieces) {
    all.set(piece, offset);
    offset += piece.length;
  }
  return all;
}
