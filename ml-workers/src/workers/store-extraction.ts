import {
  extractedChatBlobKey,
  extractedSegmentsBlobKey,
  extractedTextBlobKey,
  type TranscriptDocument,
} from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import type { ExtractedMaterial } from './extract-material.ts';

const PREVIEW_CHARS = 500;

/** Where a material's extraction was stored, and what the event records of its text. */
export type StoredExtraction = {
  textBlobKey: string;
  segmentsBlobKey: string | null;
  charCount: number;
  preview: string;
};

/** Writes what extraction made of a material as blobs: its text, its timed segments, a chat's structure. */
export async function storeExtraction(
  blobs: BlobStore,
  target: { avatarId: string; materialId: string },
  extracted: ExtractedMaterial,
): Promise<StoredExtraction> {
  const { avatarId, materialId } = target;
  const textBlobKey = extractedTextBlobKey(avatarId, materialId);
  await blobs.put(textBlobKey, new TextEncoder().encode(extracted.text), {
    contentType: 'text/plain; charset=utf-8',
  });
  const segmentsBlobKey = extracted.segments.length > 0 ? extractedSegmentsBlobKey(avatarId, materialId) : null;
  if (segmentsBlobKey) {
    const document: TranscriptDocument = extracted.sourceSegments
      ? { version: 2, segments: extracted.segments, sourceSegments: extracted.sourceSegments }
      : { version: 1, segments: extracted.segments };
    await blobs.put(segmentsBlobKey, new TextEncoder().encode(JSON.stringify(document)), {
      contentType: 'application/json',
    });
  }
  if (extracted.chat) {
    await blobs.put(
      extractedChatBlobKey(avatarId, materialId),
      new TextEncoder().encode(JSON.stringify(extracted.chat)),
      { contentType: 'application/json' },
    );
  }
  return {
    textBlobKey,
    segmentsBlobKey,
    charCount: [...extracted.text].length,
    preview: [...extracted.text].slice(0, PREVIEW_CHARS).join(''),
  };
}
