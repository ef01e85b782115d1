import type { SpeakerEmbedder } from '../models/speaker-embedder.ts';
import { sampleRate } from './audio-tools.ts';

/** Cosine similarity of two embeddings, -1..1. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`Embeddings differ in size: ${a.length} and ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

export interface WindowOptions {
  readonly windowSec?: number;
  readonly hopSec?: number;
  /** Embed only the windows [start, end) (sample indices) this accepts. */
  readonly include?: (start: number, end: number) => boolean;
}

/** Embeddings of overlapping windows (default 3 s every 1.5 s); a clip shorter than one window is one window. */
export async function embedWindows(
  embedder: SpeakerEmbedder,
  samples: Float32Array,
  { windowSec = 3, hopSec = 1.5, include = () => true }: WindowOptions = {},
): Promise<Float32Array[]> {
  const window = Math.min(Math.round(windowSec * sampleRate), samples.length);
  const hop = Math.round(hopSec * sampleRate);
  const embeddings: Float32Array[] = [];
  for (let start = 0; window > 0 && start + window <= samples.length; start += hop) {
    if (include(start, start + window)) embeddings.push(await embedder.embed(samples.subarray(start, start + window)));
  }
  return embeddings;
}

/**
 * How surely the windows are one voice, 0..1: the 5th percentile of their
 * pairwise similarities. Two voices put many pairs far apart; one odd window
 * (a cough) among twenty does not decide it alone.
 */
export function speakerConsistency(windows: readonly Float32Array[]): number {
  const pairs: number[] = [];
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      pairs.push(cosineSimilarity(windows[i] as Float32Array, windows[j] as Float32Array));
    }
  }
  if (pairs.length === 0) return 1;
  pairs.sort((x, y) => x - y);
  const low = pairs[Math.floor(pairs.length * 0.05)] as number;
  return Math.min(1, Math.max(0, low));
}
