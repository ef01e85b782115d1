import {
  codePointCount,
  extractedChatBlobKey,
  extractedSegmentsBlobKey,
  extractedTextBlobKey,
  type TranscriptDocument,
} from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import type { ChatExport, TextLines } from '../extraction/chat-exports/index.ts';
import type { ExtractedMaterial } from './extract-material.ts';

const PREVIEW_CHARS = 500;
// Text goes to the blob store in pieces about this large (the sealed store seals 64 KiB chunks).
const PIECE_CHARS = 64 * 1024;

/** Where a material's extraction was stored, and what the event records of its text. */
export type StoredExtraction = {
  textBlobKey: string;
  segmentsBlobKey: string | null;
  charCount: number;
  preview: string;
};

/**
 * Writes what extraction made of a material as blobs: its text, its timed segments, a chat's structure.
 * A chat's are written as they are made, line by line and message by message, never as one string
 * (a gigabyte export's would pass what a string can hold).
 */
export async function storeExtraction(
  blobs: BlobStore,
  target: { avatarId: string; materialId: string },
  extracted: ExtractedMaterial,
): Promise<StoredExtraction> {
  const { avatarId, materialId } = target;
  const textBlobKey = extractedTextBlobKey(avatarId, materialId);
  const lines: TextLines = typeof extracted.text === 'string' ? wholeText(extracted.text) : extracted.text;
  const measure = { charCount: 0, preview: '' };
  await blobs.put(textBlobKey, encoded(measured(joined(lines.lines(), '\n'), measure)), {
    contentType: 'text/plain; charset=utf-8',
  });
  const segmentsBlobKey =
    extracted.segments.length > 0 || typeof extracted.text !== 'string'
      ? extractedSegmentsBlobKey(avatarId, materialId)
      : null;
  if (segmentsBlobKey) {
    await blobs.put(segmentsBlobKey, encoded(segmentsJson(extracted)), { contentType: 'application/json' });
  }
  if (extracted.chat) {
    await blobs.put(extractedChatBlobKey(avatarId, materialId), encoded(chatJson(extracted.chat)), {
      contentType: 'application/json',
    });
  }
  return { textBlobKey, segmentsBlobKey, ...measure };
}

function wholeText(text: string): TextLines {
  return { lines: () => [text] };
}

function* segmentsJson(extracted: ExtractedMaterial): Generator<string> {
  if (typeof extracted.text === 'string') {
    const document: TranscriptDocument = extracted.sourceSegments
      ? { version: 2, segments: extracted.segments, sourceSegments: extracted.sourceSegments }
      : { version: 1, segments: extracted.segments };
    yield JSON.stringify(document);
    return;
  }
  // Each line of a chat is a segment without times.
  yield '{"version":1,"segments":[';
  yield* joined(
    map(extracted.text.lines(), (text) => JSON.stringify({ startSec: null, endSec: null, text })),
    ',',
  );
  yield ']}';
}

/** The same JSON as JSON.stringify(chat), its messages one at a time. */
function* chatJson(chat: ChatExport): Generator<string> {
  const { messages, ...rest } = chat;
  yield `${JSON.stringify(rest).slice(0, -1)},"messages":[`;
  yield* joined(
    map(messages, (message) => JSON.stringify(message)),
    ',',
  );
  yield ']}';
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function* joined(parts: Iterable<string>, separator: string): Generator<string> {
  let first = true;
  for (const part of parts) {
    if (!first) yield separator;
    first = false;
    yield part;
  }
}

/** Counts the text's code points (as the domain counts) and keeps its start, as it passes. */
function* measured(parts: Iterable<string>, measure: { charCount: number; preview: string }): Generator<string> {
  for (const part of parts) {
    measure.charCount += codePointCount(part);
    if (measure.preview.length < PREVIEW_CHARS * 2) measure.preview += part.slice(0, PREVIEW_CHARS * 2);
    yield part;
  }
  measure.preview = [...measure.preview].slice(0, PREVIEW_CHARS).join('');
}

/** UTF-8 pieces of about PIECE_CHARS characters. */
async function* encoded(parts: Iterable<string>): AsyncGenerator<Uint8Array> {
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length >= PIECE_CHARS) {
      yield Buffer.from(piece);
      piece = '';
    }
  }
  if (piece !== '') yield Buffer.from(piece);
}
