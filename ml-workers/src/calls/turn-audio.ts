import { toPcm16 } from './paced-speaker.ts';

/** A turn's audio as a WAV file (16-bit mono PCM): what a call keeps of what the user said. */
export function wavOf(samples: Float32Array, sampleRate: number): Uint8Array {
  const pcm = toPcm16(samples);
  const wav = new Uint8Array(44 + pcm.byteLength);
  const view = new DataView(wav.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) wav[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + pcm.byteLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, pcm.byteLength, true);
  wav.set(pcm, 44);
  return wav;
}

/** Sentences spoken so far, each with where its audio starts and ends in the reply. */
export interface SpokenPiece {
  readonly text: string;
  readonly startSec: number;
  readonly endSec: number;
}

/** The words of the reply the listener heard by `heardSec`: whole sentences, then the share of the one cut. */
export function heardTextOf(pieces: readonly SpokenPiece[], heardSec: number): string {
  const words: string[] = [];
  for (const piece of pieces) {
    if (piece.startSec >= heardSec) break;
    const pieceWords = piece.text.split(/\s+/).filter(Boolean);
    const share = piece.endSec <= heardSec ? 1 : (heardSec - piece.startSec) / (piece.endSec - piece.startSec);
    words.push(...pieceWords.slice(0, Math.floor(pieceWords.length * share)));
  }
  return words.join(' ');
}
