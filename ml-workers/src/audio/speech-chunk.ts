/** A stretch of the file inside a chunk. */
export interface ChunkSpan {
  /** Where the span begins in the chunk's samples, in seconds. */
  readonly offsetSec: number;
  readonly startSec: number;
  readonly endSec: number;
}

/** Audio for one Whisper call: stretches of speech from the file, joined with the long silences between them left out. */
export interface SpeechChunk {
  readonly type: 'chunk';
  readonly samples: Float32Array;
  readonly spans: readonly ChunkSpan[];
  readonly startSec: number;
  readonly endSec: number;
  readonly speechSec: number;
}

/** Everything before `untilSec` has been dealt with (it was silence or went out in chunks). */
export interface SilenceSkipped {
  readonly type: 'silence';
  readonly untilSec: number;
}

/**
 * Maps a time inside a chunk (seconds from its first sample) back to the file.
 * At the joint of two spans a start belongs to the later span, an end to the earlier.
 */
export function fileTime(chunk: SpeechChunk, chunkSec: number, edge: 'start' | 'end'): number {
  let span = chunk.spans[0];
  for (const candidate of chunk.spans) {
    if (edge === 'start' ? candidate.offsetSec <= chunkSec : candidate.offsetSec < chunkSec) span = candidate;
  }
  if (!span) return chunk.startSec;
  return Math.min(Math.max(span.startSec + (chunkSec - span.offsetSec), span.startSec), span.endSec);
}
