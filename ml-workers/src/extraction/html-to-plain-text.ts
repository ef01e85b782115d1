import { convert, type HtmlToTextOptions } from 'html-to-text';

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
    // Mail clients quote the letter replied to in a blockquote; html-to-text marks it with "> " like plain-text quoting.
    { selector: 'blockquote', options: { trimEmptyLines: true } },
  ],
};

/** The text a reader sees: no markup, scripts, styles, comments or link targets. */
export function htmlToPlainText(html: string): string {
  return convert(html, options);
}
