import type { Material, SpeakerVerdicts, TranscriptDocument, TranscriptSegment } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { type AudioTools, segmentRecording } from '../audio/index.ts';
import { loadSpeakerEmbedder, loadVad, type ModelSettings } from '../models/index.ts';
import { readBlob, withBlobAsFile } from './blob-files.ts';

type ReadyRecording = Extract<Material, { status: 'ready' }>;

export interface TaggedRecording {
  readonly document: TranscriptDocument;
  readonly threshold: number;
  readonly personSpeechSec: number;
  readonly otherSpeechSec: number;
}

export interface TaggingTools {
  readonly blobs: BlobStore;
  readonly models: ModelSettings;
  readonly audioTools?: AudioTools;
  readonly signal?: AbortSignal;
}

/**
 * Re-cuts a transcribed recording at pauses and speaker changes against the
 * person's voice, and judges each piece: the recognizer's own segments (kept by
 * extraction) are the source, so tagging again with another sample starts afresh.
 */
export async function tagRecording(
  material: ReadyRecording,
  sample: { readonly sampleId: string; readonly embedding: Float32Array },
  tools: TaggingTools,
): Promise<TaggedRecording> {
  const source = await sourceSegments(tools.blobs, material);
  const [vad, embedder] = await Promise.all([loadVad(tools.models), loadSpeakerEmbedder(tools.models)]);
  const threshold = embedder.calibration.samePersonAtLeast;
  const pieces = await withBlobAsFile(tools.blobs, material.blobKey, (path) =>
    segmentRecording(path, timed(source), {
      vad,
      voice: { embedder, reference: sample.embedding, threshold },
      ...(tools.audioTools ? { tools: tools.audioTools } : {}),
      ...(tools.signal ? { signal: tools.signal } : {}),
    }),
  );
  const segments: TranscriptSegment[] = pieces.map(({ startSec, endSec, text, similarity, isPerson }) => ({
    startSec,
    endSec,
    text,
    speakerSimilarity: similarity === null ? null : Math.round(similarity * 1000) / 1000,
    isPerson,
  }));
  const speechOf = (person: boolean) =>
    round(
      segments
        .filter((segment) => segment.isPerson === person)
        .reduce((sum, s) => sum + ((s.endSec ?? 0) - (s.startSec ?? 0)), 0),
    );
  const speakers: SpeakerVerdicts = { sampleId: sample.sampleId, model: embedder.model, threshold };
  return {
    document: { version: 2, segments, sourceSegments: source, speakers },
    threshold,
    personSpeechSec: speechOf(true),
    otherSpeechSec: speechOf(false),
  };
}

/** The recognizer's segments as extraction stored them (a v1 document's segments are exactly those). */
async function sourceSegments(blobs: BlobStore, material: ReadyRecording): Promise<readonly TranscriptSegment[]> {
  const key = material.extraction.segmentsBlobKey;
  if (key === null) return [];
  const document = JSON.parse(new TextDecoder().decode(await readBlob(blobs, key))) as TranscriptDocument;
  return document.sourceSegments ?? document.segments;
}

/** Recording segments always carry times; a null one (never written for recordings) is left out rather than guessed. */
function timed(segments: readonly TranscriptSegment[]) {
  return segments.flatMap(({ startSec, endSec, text }) =>
    startSec === null || endSec === null ? [] : [{ startSec, endSec, text }],
  );
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
