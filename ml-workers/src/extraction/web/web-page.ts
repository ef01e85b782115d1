import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToPlainText } from '../html-to-plain-text.ts';

/**
 * The article a reader would read on the page (Firefox's Reader View
 * algorithm), without menus, sidebars and footers; the whole page's text when
 * Readability finds no article.
 */
export function readablePage(html: string): { title: string | null; text: string } {
  const { document } = parseHTML(html);
  const article = new Readability(document as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 100,
  }).parse();
  if (article?.content) return { title: article.title ?? null, text: htmlToPlainText(article.content) };
  return { title: null, text: htmlToPlainText(html) };
}
