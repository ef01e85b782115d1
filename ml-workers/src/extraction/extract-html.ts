import { decodeText } from './decode-text.ts';
import { type ExtractedText, toExtractedText } from './extracted-text.ts';
import { htmlToPlainText } from './html-to-plain-text.ts';

/** The text a reader sees: no markup, scripts, styles, comments or link targets. */
export async function extractHtml(bytes: Uint8Array, claimedAs: string): Promise<ExtractedText> {
  const { text: html, encoding } = decodeText(bytes, { claimedAs, declaredCharset: declaredCharset(bytes) });
  const text = htmlToPlainText(html);
  return toExtractedText(
    'html',
    text.split(/\n{2,}/).map((paragraph) => ({ text: paragraph })),
    { encoding },
  );
}

/** `<meta charset="…">` or the http-equiv form, which HTML requires within the first 1024 bytes. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}
