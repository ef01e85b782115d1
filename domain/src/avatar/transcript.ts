/**
 * The JSON stored at a material's segments blob (`extractedSegmentsBlobKey`):
 * written by the extraction worker, served by the gateway, read by training.
 */
export interface TranscriptSegment {
  /** Seconds from the start; null for documents without timing. */
  readonly startSec: number | null;
  readonly endSec: number | null;
  readonly text: string;
  /** Voice similarity to the avatar's sample (0–1) when one existed at extraction. */
  readonly speakerSimilarity?: number | null;
  /** Whether the segment is judged to be the person speaking (null: unknown). */
  readonly isPerson?: boolean | null;
}

export interface TranscriptDocument {
  readonly version: 1;
  readonly segments: readonly TranscriptSegment[];
}
