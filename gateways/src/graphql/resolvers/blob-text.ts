import type { TranscriptDocument, TranscriptSegment } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';

/** At most `maxChars` characters of a UTF-8 text blob, reading only the bytes needed. */
export async function readTextPrefix(blobs: BlobStore, key: string, maxChars: number): Promise<string> {
  if (maxChars <= 0) return '';
  const blob = await blobs.get(key, { range: { start: 0, end: maxChars * 4 - 1 } });
  const bytes = await collect(blob.body);
  // A range may end inside a character: decode leniently, then drop a trailing broken one.
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (bytes.length < blob.size && text.endsWith('\ufffd')) text = text.slice(0, -1);
  const chars = [...text];
  return chars.length > maxChars ? chars.slice(0, maxChars).join('') : text;
}

/** A window of the transcript segments stored with an extracted material. */
export async function readSegments(
  blobs: BlobStore,
  key: string,
  offset: number,
  first: number,
): Promise<TranscriptSegment[]> {
  const blob = await blobs.get(key);
  const document = JSON.parse(new TextDecoder().decode(await collect(blob.body))) as TranscriptDocument;
  return document.segments.slice(offset, offset + first);
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
