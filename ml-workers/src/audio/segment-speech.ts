import type { InferenceSession } from 'onnxruntime-node';
import type { AudioTools } from './audio-tools.ts';
import { decodeAudio } from './decode-audio.ts';
import { withSignal } from './run-tool.ts';
import { detectVoiceActivity } from './silero-vad.ts';
import { type PersonVoice, type SpeakerTurn, speakerTurnsOf, type TurnWindows } from './speaker-turns.ts';
import { type RegionOptions, speechRegions } from './speech-regions.ts';
import type { TranscriptSegment } from './transcribe.ts';
import { TurnsByTime } from './turns-by-time.ts';

/** A piece of the transcript inside one speaker turn, with that turn's verdict. */
export interface SpeechSegment extends TranscriptSegment {
  readonly similarity: number | null;
  readonly isPerson: boolean | null;
}

export interface SpeakerTurnOptions {
  readonly vad: InferenceSession;
  /** With the person's voice, turns are also cut where the speaker changes, and judged. */
  readonly voice?: PersonVoice;
  readonly tools?: AudioTools;
  readonly signal?: AbortSignal;
  readonly regions?: RegionOptions;
  readonly windows?: TurnWindows;
}

/**
 * The turns of a recording: its speech split at pauses (Silero VAD) and, with
 * a voice sample, where the person starts or stops speaking. Streams the file:
 * memory stays at one region of speech.
 */
export async function speakerTurnsInFile(path: string, options: SpeakerTurnOptions): Promise<SpeakerTurn[]> {
  const io = { ...(options.tools ? { tools: options.tools } : {}), ...withSignal(options.signal) };
  const frames = detectVoiceActivity(options.vad, decodeAudio(path, io));
  const turns: SpeakerTurn[] = [];
  for await (const region of speechRegions(frames, options.regions)) {
    options.signal?.throwIfAborted();
    turns.push(...(await speakerTurnsOf(region, options.voice, options.windows)));
  }
  return turns;
}

/** A transcript re-cut on speech: at pauses, and (with the person's voice) where the speaker changes, each piece judged. */
export async function segmentRecording(
  path: string,
  transcript: readonly TranscriptSegment[],
  options: SpeakerTurnOptions,
): Promise<SpeechSegment[]> {
  if (transcript.length === 0) return [];
  return splitSegmentsAtTurns(transcript, await speakerTurnsInFile(path, options));
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Cuts transcript segments at turn edges, so each piece is one voice and
 * carries its turn's verdict. Without word times, a segment's words are shared
 * among its pieces by their share of its time. Text the recognizer placed
 * outside every turn (between them) goes with the nearest turn.
 */
export function splitSegmentsAtTurns(
  segments: readonly TranscriptSegment[],
  turns: readonly SpeakerTurn[],
): SpeechSegment[] {
  if (turns.length === 0) return segments.map((segment) => ({ ...segment, similarity: null, isPerson: null }));
  const byTime = new TurnsByTime(turns);
  return segments.flatMap((segment) => {
    const inside = byTime.overlapping(segment.startSec, segment.endSec).map((turn) => ({
      turn,
      startSec: Math.max(turn.startSec, segment.startSec),
      endSec: Math.min(turn.endSec, segment.endSec),
    }));
    if (inside.length === 0) {
      const { similarity, isPerson } = byTime.nearest(segment.startSec, segment.endSec) as SpeakerTurn;
      return [{ ...segment, similarity, isPerson }];
    }
    const texts = shareWords(
      segment.text,
      inside.map((piece) => piece.endSec - piece.startSec),
    );
    return inside
      .map((piece, i) => ({
        startSec: round(piece.startSec),
        endSec: round(piece.endSec),
        text: texts[i] as string,
        similarity: piece.turn.similarity,
        isPerson: piece.turn.isPerson,
      }))
      .filter((piece) => piece.text !== '');
  });
}

/** The text cut between words so that piece i gets about durations[i] / total of the words (at least one each while they last). */
function shareWords(text: string, durations: readonly number[]): string[] {
  if (durations.length === 1) return [text.trim()];
  const parts = [...words.segment(text)];
  const counts = wordCounts(parts.filter((part) => part.isWordLike).length, durations);
  const pieces: string[] = durations.map(() => '');
  let piece = 0;
  let taken = 0;
  for (const part of parts) {
    // A word opens the next piece once this one has its share; punctuation stays with the word before it.
    while (part.isWordLike && taken >= (counts[piece] as number) && piece < durations.length - 1) {
      piece++;
      taken = 0;
    }
    if (part.isWordLike) taken++;
    pieces[piece] += part.segment;
  }
  return pieces.map((p) => p.trim());
}

/** Whole words per piece in proportion to time (largest remainders), one each first when there are enough. */
function wordCounts(total: number, durations: readonly number[]): number[] {
  const floor = total >= durations.length ? 1 : 0;
  const rest = total - floor * durations.length;
  const time = durations.reduce((sum, d) => sum + d, 0);
  const exact = durations.map((d) => (rest * d) / time);
  const counts = exact.map((x) => floor + Math.floor(x));
  const left = total - counts.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder.slice(0, left)) counts[i] = (counts[i] as number) + 1;
  return counts;
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
