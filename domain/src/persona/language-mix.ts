import { share } from './distribution.ts';

/** Which of the product's languages the person writes in, by text and by letter. */
export interface LanguageMix {
  /** Shares of texts (with letters) that are Russian, English, or a real mix of both. */
  readonly ru: number;
  readonly en: number;
  readonly mixed: number;
  /** Share of Cyrillic among all Cyrillic and Latin letters. */
  readonly cyrillicLetters: number;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LINKS = /(?<!\S)(?:https?:\/\/|www\.)\S{1,2048}|(?<!\S)@\w{1,64}/gu;
// The same thresholds as extraction's language detection: past 30 % of the other script a text is bilingual.
const DOMINANT = 0.7;

export function languageMixOf(texts: readonly string[]): LanguageMix {
  let ru = 0;
  let en = 0;
  let mixed = 0;
  let cyrillicTotal = 0;
  let letterTotal = 0;
  for (const text of texts) {
    const { cyrillic, latin } = scriptCounts(text.replace(LINKS, ' '));
    const letters = cyrillic + latin;
    if (letters === 0) continue;
    cyrillicTotal += cyrillic;
    letterTotal += letters;
    const cyrillicShare = cyrillic / letters;
    if (cyrillicShare >= DOMINANT) ru += 1;
    else if (cyrillicShare <= 1 - DOMINANT) en += 1;
    else mixed += 1;
  }
  const counted = ru + en + mixed;
  return {
    ru: share(ru, counted),
    en: share(en, counted),
    mixed: share(mixed, counted),
    cyrillicLetters: share(cyrillicTotal, letterTotal),
  };
}

/** Letters of each script; ASCII is checked without a regular expression, as it is most of any text. */
function scriptCounts(text: string): { cyrillic: number; latin: number } {
  let cyrillic = 0;
  let latin = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
    } else if (CYRILLIC.test(char)) cyrillic += 1;
    else if (LATIN.test(char)) latin += 1;
  }
  return { cyrillic, latin };
}
