import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-node';
import { type AudioTools, sampleRate, secondsOf } from './audio-tools.ts';
import { decodeAudio } from './decode-audio.ts';
import { detectLanguage } from './detect-language.ts';
import { probeMedia } from './probe-media.ts';
import { readAhead } from './read-ahead.ts';
import { withSignal } from './run-tool.ts';
import { detectVoiceActivity, type VadFrame } from './silero-vad.ts';
import { fileTime, type SpeechChunk } from './speech-chunk.ts';
import { type ChunkingOptions, chunkSpeech } from './speech-chunker.ts';

export interface TranscriptSegment {
  readonly startSec: number;
  readonly endSec: number;
  readonly text: string;
}

export interface Transcript {
  /** ISO code Whisper heard (one of `languages`), or the one given; undefined when there was no speech. */
  readonly language: string | undefined;
  readonly durationSec: number;
  readonly segments: readonly TranscriptSegment[];
}

export interface TranscribeProgress {
  readonly processedSec: number;
  /** From the container; undefined when it does not say. The last report always has both equal. */
  readonly totalSec: number | undefined;
}

export interface TranscribeOptions {
  readonly asr: AutomaticSpeechRecognitionPipeline;
  readonly vad: InferenceSession;
  /** Skip detection and transcribe in this language. */
  readonly language?: string;
  /** Languages detection chooses from (default ru, en). */
  readonly languages?: readonly string[];
  readonly onProgress?: (progress: TranscribeProgress) => void;
  readonly signal?: AbortSignal;
  readonly tools?: AudioTools;
  readonly chunking?: ChunkingOptions;
}

/**
 * Speech to text for an audio or video file of any length: ffmpeg decodes a
 * stream, Silero VAD finds speech, speech is packed into chunks of ≤ 28 s cut
 * at pauses (long silences left out: Whisper invents text there) that go to
 * Whisper one at a time, and segment times are mapped back to the file.
 * Memory stays at about one chunk; cancelling stops ffmpeg and returns between chunks.
 */
export async function transcribeFile(path: string, options: TranscribeOptions): Promise<Transcript> {
  const { signal } = options;
  const tools = options.tools ? { tools: options.tools } : {};
  // ffprobe and ffmpeg start together (a short clip's probe is as long as its decoding); a file the probe
  // refuses stops the decoding and fails with the probe's reason.
  const refused = new AbortController();
  const probed = probeMedia(path, { ...tools, ...withSignal(signal) });
  probed.catch((error: unknown) => refused.abort(error));
  try {
    let decodedSamples = 0;
    const decodeSignal = signal ? AbortSignal.any([signal, refused.signal]) : refused.signal;
    const pcm = decodeAudio(path, { ...tools, signal: decodeSignal });
    const frames = countFrames(detectVoiceActivity(options.vad, pcm), (end) => {
      decodedSamples = end;
    });
    const report = async (processedSec: number) =>
      options.onProgress?.({ processedSec, totalSec: (await probed).durationSec });
    let language = options.language;
    const segments: TranscriptSegment[] = [];
    for await (const item of readAhead(chunkSpeech(frames, options.chunking))) {
      signal?.throwIfAborted();
      if (item.type === 'chunk') {
        language ??= await detectLanguage(options.asr, item.samples, options.languages ?? ['ru', 'en']);
        segments.push(...(await transcribeChunk(options.asr, item, language, segments.at(-1)?.endSec ?? 0)));
        signal?.throwIfAborted();
      }
      await report(item.type === 'chunk' ? item.endSec : item.untilSec);
    }
    await probed;
    const durationSec = secondsOf(decodedSamples);
    options.onProgress?.({ processedSec: durationSec, totalSec: durationSec });
    return { language, durationSec, segments };
  } catch (error) {
    await probed;
    throw error;
  }
}

/** Whisper's window; a longer turn is cut into pieces of at most this much. */
const WHISPER_WINDOW_SEC = 28;

/**
 * Speech to text for 16 kHz samples already in memory (one turn of a live
 * call, already cut by VAD): Whisper window by window, timed as `transcribeChunk` says.
 */
export async function transcribeSamples(
  samples: Float32Array,
  options: Pick<TranscribeOptions, 'asr' | 'language' | 'languages' | 'signal'>,
): Promise<Transcript> {
  const durationSec = secondsOf(samples.length);
  let language = options.language;
  const segments: TranscriptSegment[] = [];
  const window = WHISPER_WINDOW_SEC * sampleRate;
  for (let start = 0; start < samples.length; start += window) {
    options.signal?.throwIfAborted();
    const piece = samples.subarray(start, Math.min(samples.length, start + window));
    const startSec = secondsOf(start);
    const endSec = secondsOf(start + piece.length);
    const chunk: SpeechChunk = {
      type: 'chunk',
      samples: piece,
      spans: [{ offsetSec: 0, startSec, endSec }],
      startSec,
      endSec,
      speechSec: endSec - startSec,
    };
    language ??= await detectLanguage(options.asr, piece, options.languages ?? ['ru', 'en']);
    segments.push(...(await transcribeChunk(options.asr, chunk, language, segments.at(-1)?.endSec ?? 0)));
  }
  return { language, durationSec, segments };
}

/**
 * A chunk of one stretch of speech no longer than this is about a sentence: it is decoded without timestamps
 * and timed by VAD. Whisper's timestamp mode would give it one segment too, but it decodes differently and
 * worse — on real recordings whisper-base heard "проверьте" as "прорести" and "four" as "for" only with
 * timestamps (bench-results/quality.md) — and costs the timestamp tokens.
 */
const UNTIMED_CHUNK_SEC = 8;

async function transcribeChunk(
  asr: AutomaticSpeechRecognitionPipeline,
  chunk: SpeechChunk,
  language: string,
  previousEnd: number,
): Promise<TranscriptSegment[]> {
  let floor = Math.max(previousEnd, chunk.startSec);
  if (chunk.spans.length === 1 && chunk.endSec - chunk.startSec <= UNTIMED_CHUNK_SEC) {
    const result = await asr(chunk.samples, { language, task: 'transcribe' });
    const text = (Array.isArray(result) ? result[0]?.text : result.text)?.trim() ?? '';
    return text === '' ? [] : [{ startSec: round(floor), endSec: round(Math.max(chunk.endSec, floor)), text }];
  }
  const result = await asr(chunk.samples, { return_timestamps: true, language, task: 'transcribe' });
  const pieces = result.chunks ?? [{ timestamp: [0, null], text: result.text }];
  const chunkSec = chunk.samples.length / sampleRate;
  const segments: TranscriptSegment[] = [];
  for (const { timestamp, text } of pieces) {
    const [from, to] = timestamp as [number | null, number | null];
    if (text.trim() === '') continue;
    // Whisper's times are relative to the chunk; an open end means "to the end of the chunk".
    const startSec = Math.max(fileTime(chunk, from ?? 0, 'start'), floor);
    const endSec = Math.max(fileTime(chunk, Math.min(to ?? chunkSec, chunkSec), 'end'), startSec);
    segments.push({ startSec: round(startSec), endSec: round(endSec), text: text.trim() });
    floor = endSec;
  }
  return segments;
}

async function* countFrames(frames: AsyncIterable<VadFrame>, onEnd: (sample: number) => void) {
  for await (const frame of frames) {
    onEnd(frame.startSample + frame.samples.length);
    yield frame;
  }
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
