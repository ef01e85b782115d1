import { match } from 'ts-pattern';
import { type ClaimedFormat, claimedFormat, readableExtensions } from './claimed-format.ts';
import { isEncryptedOfficeFile } from './compound-file.ts';
import { extractDocx } from './extract-docx.ts';
import { extractHtml } from './extract-html.ts';
import { extractPdf } from './extract-pdf.ts';
import { extractPlainText } from './extract-plain-text.ts';
import { extractSubtitles } from './extract-subtitles.ts';
import type { DocumentFormat, ExtractedText } from './extracted-text.ts';
import { ExtractionFailure } from './extraction-failure.ts';
import { type SniffedContent, sniffContent } from './sniff-content.ts';

export type DocumentInput = { bytes: Uint8Array; fileName: string; mediaType: string };

/**
 * Reads the text of a document. The name says what the file should be; the
 * bytes decide what it is, and a mismatch fails with a reason instead of
 * feeding one format's parser another's bytes.
 */
export async function extractDocument({ bytes, fileName, mediaType }: DocumentInput): Promise<ExtractedText> {
  const claimed = claimedFormat(fileName, mediaType);
  const content = await sniffContent(bytes);
  const format = formatToRead(claimed, content, bytes);
  return match(format)
    .with('text', 'markdown', (f) => extractPlainText(bytes, f, claimed.label))
    .with('html', () => extractHtml(bytes, claimed.label))
    .with('subtitles', () => extractSubtitles(bytes, claimed.label))
    .with('pdf', () => extractPdf(bytes))
    .with('docx', () => extractDocx(bytes, claimed.label))
    .exhaustive();
}

function formatToRead(claimed: ClaimedFormat, content: SniffedContent, bytes: Uint8Array): DocumentFormat {
  if (bytes.length === 0) throw new ExtractionFailure('EMPTY', 'The file contains no text');
  const disguised = () =>
    new ExtractionFailure('DISGUISED_TYPE', `This file is called ${claimed.label} but its content is ${content.label}`);
  if (claimed.format === null) {
    if (content.kind === 'text') throw disguised();
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      `This file is called ${claimed.label}; only ${readableExtensions} files are read as documents`,
    );
  }
  return match(claimed.format)
    .with('text', 'markdown', 'html', 'subtitles', (format) => {
      if (content.kind === 'unknownBinary') {
        throw new ExtractionFailure(
          'NOT_TEXT',
          `This file is called ${claimed.label} but it is not text (binary data found)`,
        );
      }
      if (content.kind !== 'text') throw disguised();
      return format;
    })
    .with('pdf', (format) => {
      if (content.kind !== 'pdf') throw disguised();
      return format;
    })
    .with('docx', (format) => {
      if (content.kind === 'compoundFile') throw oldOrEncryptedWord(bytes);
      // A damaged .docx may no longer look like Word to the sniffer; extractDocx tells which.
      if (content.kind !== 'docx' && content.kind !== 'zip') throw disguised();
      return format;
    })
    .exhaustive();
}

function oldOrEncryptedWord(bytes: Uint8Array): ExtractionFailure {
  if (isEncryptedOfficeFile(bytes)) return new ExtractionFailure('ENCRYPTED', 'The document is password-protected');
  return new ExtractionFailure(
    'UNSUPPORTED_FORMAT',
    'This is a Word 97–2003 document (.doc); open it in Word or LibreOffice and save it as .docx',
  );
}
