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

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
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
    const words = text.replace(LINKS, ' ');
    const cyrillic = words.match(CYRILLIC)?.length ?? 0;
    const letters = cyrillic + (words.match(LATIN)?.length ?? 0);
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
