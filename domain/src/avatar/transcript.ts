/**
 * The JSON stored at a material's segments blob (`extractedSegmentsBlobKey`,
 * or `speakerSegmentsBlobKey` once tagged against a voice sample): written by
 * the extraction worker, served by the gateway, read by training.
 */
export interface TranscriptSegment {
  /** Seconds from the start; null for documents without timing. */
  readonly startSec: number | null;
  readonly endSec: number | null;
  readonly text: string;
  /**
   * Cosine similarity (-1..1) of the segment's voice to the avatar's accepted
   * voice sample, when the recording was tagged against one.
   */
  readonly speakerSimilarity?: number | null;
  /** Whether the segment is judged to be the person speaking (similarity ≥ the threshold); null: not tagged. */
  readonly isPerson?: boolean | null;
}

/** Which voice sample and threshold a tagged document's verdicts come from. */
export interface SpeakerVerdicts {
  readonly sampleId: string;
  readonly model: string;
  readonly threshold: number;
}

/**
 * v1: segments only (recordings: the recognizer's chunks). v2 (recordings):
 * `segments` are cut at pauses and, once tagged, at speaker changes;
 * `sourceSegments` keep the recognizer's own, which each tagging re-cuts.
 */
export interface TranscriptDocument {
  readonly version: 1 | 2;
  readonly segments: readonly TranscriptSegment[];
  readonly sourceSegments?: readonly TranscriptSegment[];
  readonly speakers?: SpeakerVerdicts;
}
