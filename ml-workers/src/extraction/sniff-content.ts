import { fileTypeFromBuffer } from 'file-type';
import { decodeText } from './decode-text.ts';
import { ExtractionFailure } from './extraction-failure.ts';

export type ContentKind = 'pdf' | 'docx' | 'zip' | 'compoundFile' | 'text' | 'otherBinary' | 'unknownBinary';
/** What the bytes are, whatever the name says; `label` finishes "its content is …". */
export type SniffedContent = { kind: ContentKind; label: string };

/** Magic bytes first (file-type); without a known signature, text or not. */
export async function sniffContent(bytes: Uint8Array): Promise<SniffedContent> {
  const type = await fileTypeFromBuffer(bytes);
  // Text formats with a signature (WebVTT, XHTML's "<?xml", iCalendar) are text all the same.
  if (!type || type.mime.startsWith('text/') || type.ext === 'xml') return isText(bytes) ? TEXT : UNKNOWN_BINARY;
  switch (type.ext) {
    case 'pdf':
      return { kind: 'pdf', label: 'a PDF document' };
    case 'docx':
      return { kind: 'docx', label: 'a Word document' };
    case 'zip':
      return { kind: 'zip', label: 'a ZIP archive' };
    case 'cfb':
      return { kind: 'compoundFile', label: 'an Office document in the old binary format' };
    default:
      return { kind: 'otherBinary', label: describeMediaType(type.mime, type.ext) };
  }
}

const TEXT: SniffedContent = { kind: 'text', label: 'text' };
const UNKNOWN_BINARY: SniffedContent = { kind: 'unknownBinary', label: 'binary data of an unknown kind' };

function describeMediaType(mime: string, ext: string): string {
  if (mime.startsWith('audio/')) return `an audio file (.${ext})`;
  if (mime.startsWith('video/')) return `a video file (.${ext})`;
  if (mime.startsWith('image/')) return `an image (.${ext})`;
  return `a .${ext} file`;
}

function isText(bytes: Uint8Array): boolean {
  try {
    decodeText(bytes.subarray(0, 64 * 1024), { claimedAs: 'sample' });
    return true;
  } catch (error) {
    if (error instanceof ExtractionFailure) return false;
    throw error;
  }
}
