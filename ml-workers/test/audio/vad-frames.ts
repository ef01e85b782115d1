import { sampleRate, type VadFrame, vadWindowSamples } from '../../src/audio/index.ts';

/**
 * Frames as Silero would yield them, with a speech probability from `isSpeech(seconds)`.
 * Each sample holds its own index, so a chunk's samples prove which stretch of the stream it holds.
 */
export async function* frames(totalSec: number, isSpeech: (sec: number) => boolean): AsyncGenerator<VadFrame> {
  const total = Math.round(totalSec * sampleRate);
  for (let start = 0; start < total; start += vadWindowSamples) {
    const samples = new Float32Array(Math.min(vadWindowSamples, total - start)).map((_, i) => start + i);
    yield { startSample: start, samples, speechProbability: isSpeech(start / sampleRate) ? 0.9 : 0.05 };
  }
}
