import type { SpeakerEmbedder } from '../models/speaker-embedder.ts';
import type { AudioTools } from './audio-tools.ts';
import { sampleRate } from './audio-tools.ts';
import { decodeAudio } from './decode-audio.ts';
import { withSignal } from './run-tool.ts';
import { cosineSimilarity } from './speaker-similarity.ts';
import type { TranscriptSegment } from './transcribe.ts';

export interface TaggedSegment extends TranscriptSegment {
  /** Cosine similarity of the segment's voice to the voice sample. */
  readonly similarity: number;
  /** Whether the person (the voice sample's speaker) says this segment. */
  readonly isPerson: boolean;
}

export interface TagOptions {
  /** Default: the speaker model's calibrated `samePersonAtLeast`. */
  readonly threshold?: number;
  readonly tools?: AudioTools;
  readonly signal?: AbortSignal;
}

/** Segments shorter than this are embedded with audio around them: a voice needs about a second to be told apart. */
const minEmbedSec = 1;

/**
 * Tags each transcript segment with whether the person says it, by comparing
 * its speaker embedding with the voice sample's. A file source is decoded
 * once, streaming; only the segments being heard are held in memory.
 */
export async function tagSegmentsBySpeaker(
  segments: readonly TranscriptSegment[],
  source: string | Float32Array,
  reference: Float32Array,
  embedder: SpeakerEmbedder,
  options: TagOptions = {},
): Promise<TaggedSegment[]> {
  const threshold = options.threshold ?? embedder.calibration.samePersonAtLeast;
  const similarities = new Array<number>(segments.length).fill(0);
  const spans = segments.map(embeddingSpan);
  const measure = async (index: number, audio: Float32Array) => {
    similarities[index] = audio.length > 0 ? cosineSimilarity(await embedder.embed(audio), reference) : 0;
  };
  if (typeof source === 'string') {
    await collectSpans(
      spans,
      decodeAudio(source, { ...(options.tools ? { tools: options.tools } : {}), ...withSignal(options.signal) }),
      measure,
    );
  } else {
    for (const [index, span] of spans.entries()) await measure(index, source.slice(span.start, span.end));
  }
  return segments.map((segment, i) => {
    const similarity = similarities[i] as number;
    return { ...segment, similarity, isPerson: similarity >= threshold };
  });
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function embeddingSpan(segment: TranscriptSegment): Span {
  const middle = (segment.startSec + segment.endSec) / 2;
  const half = Math.max(segment.endSec - segment.startSec, minEmbedSec) / 2;
  return {
    start: Math.max(0, Math.round((middle - half) * sampleRate)),
    end: Math.round((middle + half) * sampleRate),
  };
}

/** Copies each span's samples out of the stream as it passes and hands over every span once complete. */
async function collectSpans(
  spans: readonly Span[],
  pcm: AsyncIterable<Float32Array>,
  onSpan: (index: number, audio: Float32Array) => Promise<void>,
): Promise<void> {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a] as Span).start - (spans[b] as Span).start);
  const open = new Map<number, { audio: Float32Array; filled: number }>();
  let next = 0;
  let position = 0;
  const finish = async (index: number) => {
    const collected = open.get(index);
    open.delete(index);
    await onSpan(index, collected ? collected.audio.subarray(0, collected.filled) : new Float32Array(0));
  };
  for await (const piece of pcm) {
    const pieceEnd = position + piece.length;
    while (next < order.length && (spans[order[next] as number] as Span).start < pieceEnd) {
      const index = order[next++] as number;
      const span = spans[index] as Span;
      open.set(index, { audio: new Float32Array(span.end - span.start), filled: 0 });
    }
    for (const [index, collected] of open) {
      const span = spans[index] as Span;
      const from = Math.max(span.start, position);
      const to = Math.min(span.end, pieceEnd);
      if (to > from) {
        collected.audio.set(piece.subarray(from - position, to - position), from - span.start);
        collected.filled = to - span.start;
      }
      if (span.end <= pieceEnd) await finish(index);
    }
    position = pieceEnd;
  }
  // Spans reaching past the end of the audio get what there was.
  for (const index of [...open.keys()]) await finish(index);
  for (; next < order.length; next++) await finish(order[next] as number);
}
