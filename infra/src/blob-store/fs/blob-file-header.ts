/**
 * A stored blob is one file: a fixed-size header (format line, then JSON with
 * the content type and SHA-256, padded with spaces) followed by the content.
 * One file instead of a sidecar, so a single rename replaces content and
 * metadata together, and a reader holding the file sees one consistent version.
 * The content is `tail -c +1025 <file>` for anyone inspecting the store by hand.
 */
import { z } from 'zod';

export const HEADER_BYTES = 1024;
const FORMAT_LINE = 'bishop-blob 1\n';

const headerSchema = z.object({
  contentType: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BlobFileHeader = z.infer<typeof headerSchema>;

export function encodeBlobHeader(header: BlobFileHeader): Buffer {
  const text = FORMAT_LINE + JSON.stringify(header);
  // Content types are validated to at most 255 printable characters, so this only trips on a programming error.
  if (Buffer.byteLength(text) > HEADER_BYTES) throw new Error('Blob header does not fit its fixed size');
  return Buffer.from(text.padEnd(HEADER_BYTES, ' '));
}

export function decodeBlobHeader(bytes: Uint8Array, path: string): BlobFileHeader {
  const text = Buffer.from(bytes).toString('utf8');
  if (bytes.byteLength !== HEADER_BYTES || !text.startsWith(FORMAT_LINE)) {
    throw new Error(`${path} is not a Bishop blob file (missing or truncated header)`);
  }
  try {
    // JSON.parse ignores the trailing space padding.
    return headerSchema.parse(JSON.parse(text.slice(FORMAT_LINE.length)));
  } catch (error) {
    throw new Error(`${path} has a corrupt blob header`, { cause: error });
  }
}
