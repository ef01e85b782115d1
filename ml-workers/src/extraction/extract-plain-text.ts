import { decodeText } from './decode-text.ts';
import { type DocumentFormat, type ExtractedText, toExtractedText } from './extracted-text.ts';

/** .txt and .md: the text as written, one segment per paragraph. */
export function extractPlainText(bytes: Uint8Array, format: DocumentFormat, claimedAs: string): ExtractedText {
  const { text, encoding } = decodeText(bytes, { claimedAs });
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  return toExtractedText(
    format,
    paragraphs.map((paragraph) => ({ text: paragraph })),
    { encoding },
  );
}
