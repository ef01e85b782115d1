import type { HtmlToTextOptions } from 'html-to-text';
import { decodeText } from './decode-text.ts';
import { type ExtractedText, toExtractedText } from './extracted-text.ts';

const HIDDEN = ['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'img'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const options: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    ...HIDDEN.map((selector) => ({ selector, format: 'skip' })),
    // html-to-text shouts headings in capitals by default; keep the author's case.
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', options: { uppercaseHeaderCells: false } },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
  ],
};

/** The text a reader sees: no markup, scripts, styles, comments or link targets. */
export async function extractHtml(bytes: Uint8Array, claimedAs: string): Promise<ExtractedText> {
  const { text: html, encoding } = decodeText(bytes, { claimedAs, declaredCharset: declaredCharset(bytes) });
  const { convert } = await import('html-to-text'); // loaded on first use: most jobs are not HTML
  const text = convert(html, options);
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
