import { sampleRate, secondsOf } from './audio-tools.ts';
import { ChunkAssembler } from './chunk-assembler.ts';
import { SampleBuffer } from './sample-buffer.ts';
import {
  isSpeechFrame,
  type SpeechThresholds,
  speechThresholds,
  type VadFrame,
  vadWindowSamples,
} from './silero-vad.ts';
import type { SilenceSkipped, SpeechChunk } from './speech-chunk.ts';

export interface ChunkingOptions {
  /** Whisper sees 30 s at most; stay under it (default 28). */
  readonly maxChunkSec?: number;
  /** A silence this long is left out: the chunk goes on with the next speech (default 2). */
  readonly skipSilenceSec?: number;
  /** A waiting chunk is sent after this much silence, so progress does not wait for the next speech (default 10). */
  readonly flushAfterSilenceSec?: number;
  /** At the length limit, cut in the longest pause within this many seconds before it… (default 8) */
  readonly cutSearchSec?: number;
  /** …among pauses at least this long; with none, cut hard at the limit (default 0.1). */
  readonly minPauseSec?: number;
  /**
   * Audio kept before speech starts and after it ends (default 0.2), where a long silence is left out. A silence
   * shorter than `skipSilenceSec` at the file's start or end is kept whole, as one inside speech is: a short clip
   * then reaches Whisper exactly as recorded, and whisper-base hears a few ms less lead-in as other words
   * (a real "ten of clubs" trimmed 24 ms before "ten" came out "ten of clothes").
   */
  readonly padSec?: number;
  /** Stretches with less speech than this are clicks or breaths: left out (default 0.25). */
  readonly minSpeechSec?: number;
  /** Speech starts at this probability and ends below `end` (default Silero's 0.5 / 0.35). */
  readonly thresholds?: SpeechThresholds;
  /** While nothing waits in a chunk, report the position this often (default 5 s of audio). */
  readonly progressEverySec?: number;
}

const defaults: Required<ChunkingOptions> = {
  maxChunkSec: 28,
  skipSilenceSec: 2,
  flushAfterSilenceSec: 10,
  cutSearchSec: 8,
  minPauseSec: 0.1,
  padSec: 0.2,
  minSpeechSec: 0.25,
  thresholds: speechThresholds,
  progressEverySec: 5,
};

/**
 * Turns VAD frames into chunks for Whisper, streaming. Speech separated by a
 * long silence is joined into one chunk with the silence left out (as
 * faster-whisper does): Whisper costs the same per 30 s window however little
 * speech it holds, and it invents text in silence. Each chunk's spans lead
 * back to file time. Memory stays at one chunk whatever the input's length.
 */
export async function* chunkSpeech(
  frames: AsyncIterable<VadFrame>,
  options: ChunkingOptions = {},
): AsyncGenerator<SpeechChunk | SilenceSkipped> {
  const o = { ...defaults, ...options };
  const samplesOf = (sec: number) => Math.round(sec * sampleRate);
  const [maxChunk, pad] = [samplesOf(o.maxChunkSec), samplesOf(o.padSec)];
  const [skipSilence, flushAfter, progressEvery] = [o.skipSilenceSec, o.flushAfterSilenceSec, o.progressEverySec].map(
    samplesOf,
  ) as [number, number, number];
  const chunk = new ChunkAssembler({
    maxChunk,
    pad,
    minSpeech: samplesOf(o.minSpeechSec),
    minPause: samplesOf(o.minPauseSec),
    cutSearch: samplesOf(o.cutSearchSec),
  });
  // The audio just before speech starts, kept while idle: all of it from the file's start until it is long.
  const preRoll = new SampleBuffer(skipSilence + vadWindowSamples);
  let preRollStart = 0;
  let inSpeech = false;
  let reported = 0;

  for await (const frame of frames) {
    const position = frame.startSample + frame.samples.length;
    inSpeech = isSpeechFrame(inSpeech, frame.speechProbability, o.thresholds);
    if (!chunk.isOpen && !inSpeech) {
      if (preRoll.length === 0) preRollStart = frame.startSample;
      preRoll.append(frame.samples);
      const fromFileStart = preRollStart === 0 && preRoll.length < skipSilence;
      const excess = fromFileStart ? 0 : Math.max(0, preRoll.length - pad);
      preRoll.dropFirst(excess);
      preRollStart += excess;
      if (!chunk.isEmpty && position - chunk.lastSpanEnd >= flushAfter) {
        const sent = chunk.take(chunk.length);
        if (sent) yield sent;
      }
      if (chunk.isEmpty && position - reported >= progressEvery) {
        reported = position;
        yield { type: 'silence', untilSec: secondsOf(position) };
      }
      continue;
    }
    if (!chunk.isOpen) {
      // Speech starts a new span after its pre-roll; send the chunk first if it cannot take them.
      if (chunk.length + preRoll.length + frame.samples.length > maxChunk) {
        const sent = chunk.take(chunk.length);
        if (sent) yield sent;
      }
      chunk.openSpan(preRoll.length > 0 ? preRollStart : frame.startSample, preRoll.copy(0, preRoll.length));
      preRoll.clear();
    }
    chunk.append(frame.samples, inSpeech);
    if (!inSpeech && chunk.trailingSilence >= skipSilence) {
      chunk.closeSpan();
    } else if (chunk.length >= maxChunk) {
      const sent = chunk.take(chunk.cutPoint());
      if (sent) yield sent;
    }
  }
  // The stream ended before a long silence: what is left of the file is kept whole.
  chunk.closeSpan({ keepTail: true });
  const sent = chunk.take(chunk.length);
  if (sent) yield sent;
}
