import { secondsOf } from './audio-tools.ts';
import { SampleBuffer } from './sample-buffer.ts';
import { vadWindowSamples } from './silero-vad.ts';
import type { SpeechChunk } from './speech-chunk.ts';

/** Sizes in samples. */
export interface AssemblerLimits {
  readonly maxChunk: number;
  readonly pad: number;
  readonly minSpeech: number;
  readonly minPause: number;
  readonly cutSearch: number;
}

/** A stretch of the file in the chunk: `offset` in the chunk, `file` in the stream. */
interface Span {
  offset: number;
  file: number;
  length: number;
  /** Silence left out before this span (0 for a chunk's first span). */
  skippedBefore: number;
}

/** Speech inside the chunk, in chunk positions. */
interface Run {
  start: number;
  end: number;
}

/**
 * The chunk being filled: joined spans of the file, the speech runs in them,
 * and the rules for closing a span and cutting a full chunk. Positions are
 * sample indices; memory is one chunk.
 */
export class ChunkAssembler {
  readonly #limits: AssemblerLimits;
  readonly #samples: SampleBuffer;
  #spans: Span[] = [];
  #runs: Run[] = [];
  #open: Span | undefined;
  #lastSpanEnd = 0;

  constructor(limits: AssemblerLimits) {
    this.#limits = limits;
    this.#samples = new SampleBuffer(limits.maxChunk + vadWindowSamples);
  }

  get length(): number {
    return this.#samples.length;
  }
  get isOpen(): boolean {
    return this.#open !== undefined;
  }
  get isEmpty(): boolean {
    return this.#spans.length === 0;
  }
  /** Where in the stream the last closed span ended. */
  get lastSpanEnd(): number {
    return this.#lastSpanEnd;
  }
  /** Samples since the open span's last speech. */
  get trailingSilence(): number {
    return this.length - Math.max(this.#runs.at(-1)?.end ?? 0, this.#open?.offset ?? this.length);
  }

  /** Starts a span at stream position `file` with `leading` audio (the pre-roll before speech). */
  openSpan(file: number, leading: Float32Array): void {
    const skippedBefore = this.isEmpty ? 0 : file - this.#lastSpanEnd;
    this.#open = { offset: this.length, file, length: 0, skippedBefore };
    this.#spans.push(this.#open);
    this.append(leading, false);
  }

  append(samples: Float32Array, isSpeech: boolean): void {
    const open = this.#open;
    if (!open) throw new Error('No span is open');
    const start = this.length;
    this.#samples.append(samples);
    open.length += samples.length;
    const last = this.#runs.at(-1);
    if (isSpeech && last?.end === start) last.end = this.length;
    else if (isSpeech) this.#runs.push({ start, end: this.length });
  }

  /** Ends the open span `pad` after its last speech (or where it is, `keepTail`); a span with too little speech is dropped whole. */
  closeSpan({ keepTail = false } = {}): void {
    const span = this.#open;
    if (!span) return;
    const spanEnd = span.offset + span.length;
    const speechEnd = Math.max(this.#runs.at(-1)?.end ?? 0, span.offset);
    const tail = keepTail ? spanEnd : speechEnd + this.#limits.pad;
    const keep = this.#speechIn(span.offset, spanEnd) >= this.#limits.minSpeech ? tail : span.offset;
    const end = Math.min(keep, spanEnd);
    this.#samples.dropLast(spanEnd - end);
    span.length = end - span.offset;
    this.#runs = this.#runs.filter((run) => run.start < end);
    if (span.length === 0) this.#spans.pop();
    else this.#lastSpanEnd = span.file + span.length;
    this.#open = undefined;
  }

  /** Hands out samples [0, cut) as a chunk (unless it is nearly all silence) and keeps the rest for the next. */
  take(cut: number): SpeechChunk | undefined {
    const sent = this.#spans
      .filter((span) => span.offset < cut)
      .map((span) => ({ ...span, length: Math.min(span.length, cut - span.offset) }));
    const speech = this.#speechIn(0, cut);
    const samples = this.#samples.copy(0, cut);
    this.#samples.dropFirst(cut);
    this.#spans = this.#spans
      .filter((span) => span.offset + span.length > cut)
      .map((span) => {
        const skip = Math.max(0, cut - span.offset);
        return {
          offset: span.offset + skip - cut,
          file: span.file + skip,
          length: span.length - skip,
          skippedBefore: 0,
        };
      });
    this.#open = this.#open && this.#spans.at(-1);
    this.#runs = this.#runs
      .filter((run) => run.end > cut)
      .map((run) => ({ start: Math.max(run.start, cut) - cut, end: run.end - cut }));
    const [first] = sent;
    const last = sent.at(-1);
    if (!first || !last || speech < this.#limits.minSpeech) return undefined;
    return {
      type: 'chunk',
      samples,
      spans: sent.map((span) => ({
        offsetSec: secondsOf(span.offset),
        startSec: secondsOf(span.file),
        endSec: secondsOf(span.file + span.length),
      })),
      startSec: secondsOf(first.file),
      endSec: secondsOf(last.file + last.length),
      speechSec: secondsOf(speech),
    };
  }

  /** Where to cut a full chunk: the longest pause near its end (a left-out silence counts its real length), else the end. */
  cutPoint(): number {
    const { cutSearch, minPause } = this.#limits;
    let best = { at: this.length, weight: 0 };
    const consider = (at: number, weight: number) => {
      if (at > 0 && at >= this.length - cutSearch && weight >= minPause && weight > best.weight) best = { at, weight };
    };
    for (const span of this.#spans) consider(span.offset, span.skippedBefore);
    for (const [i, run] of this.#runs.entries()) {
      const gapEnd = this.#runs[i + 1]?.start ?? this.length;
      // A gap holding a joint was weighed above, with the silence left out there.
      if (!this.#spans.some((span) => span.offset > run.end && span.offset <= gapEnd)) {
        consider(Math.round((run.end + gapEnd) / 2), gapEnd - run.end);
      }
    }
    return best.at;
  }

  #speechIn(from: number, to: number): number {
    return this.#runs.reduce((sum, run) => sum + Math.max(0, Math.min(run.end, to) - Math.max(run.start, from)), 0);
  }
}
