import { type InferenceSession, Tensor } from 'onnxruntime-node';
import { sampleRate } from './audio-tools.ts';

/** Silero's window at 16 kHz (32 ms), and the tail of the previous window it sees as context. */
export const vadWindowSamples = 512;
const contextSamples = 64;

/** Silero's hysteresis: speech starts at `start` and goes on until the probability drops below `end`. */
export const speechThresholds: SpeechThresholds = { start: 0.5, end: 0.35 };

export interface SpeechThresholds {
  readonly start: number;
  readonly end: number;
}

export function isSpeechFrame(wasSpeech: boolean, probability: number, thresholds = speechThresholds): boolean {
  return probability >= (wasSpeech ? thresholds.end : thresholds.start);
}

export interface VadFrame {
  /** Index of the frame's first sample in the whole stream. */
  readonly startSample: number;
  /** The frame's audio: 512 samples, fewer for the stream's last frame. */
  readonly samples: Float32Array;
  /** 0..1 */
  readonly speechProbability: number;
}

/**
 * Runs Silero VAD over a PCM stream, one 32 ms frame at a time, carrying the
 * model's recurrent state and 64 samples of context from frame to frame as the
 * reference implementation does. Pieces of any size go in; memory stays at one frame.
 */
export async function* detectVoiceActivity(
  session: InferenceSession,
  pcm: AsyncIterable<Float32Array>,
): AsyncGenerator<VadFrame> {
  const rate = new Tensor('int64', BigInt64Array.from([BigInt(sampleRate)]), []);
  let state = new Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  let input = new Float32Array(contextSamples + vadWindowSamples);
  let filled = 0;
  let startSample = 0;

  const runFrame = async (length: number): Promise<VadFrame> => {
    const result = await session.run({ input: new Tensor('float32', input, [1, input.length]), state, sr: rate });
    state = result.stateN as typeof state;
    const frame = {
      startSample,
      samples: input.slice(contextSamples, contextSamples + length),
      speechProbability: (result.output?.data as Float32Array | undefined)?.[0] ?? 0,
    };
    const next = new Float32Array(input.length);
    next.set(input.subarray(input.length - contextSamples));
    input = next;
    startSample += length;
    return frame;
  };

  for await (const piece of pcm) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(vadWindowSamples - filled, piece.length - offset);
      input.set(piece.subarray(offset, offset + take), contextSamples + filled);
      filled += take;
      offset += take;
      if (filled === vadWindowSamples) {
        yield await runFrame(vadWindowSamples);
        filled = 0;
      }
    }
  }
  // The last partial frame is zero-padded for the model (the fresh buffer is zeros past `filled`).
  if (filled > 0) yield await runFrame(filled);
}
