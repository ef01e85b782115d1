export const textLanguages = ['ru', 'en', 'mixed'] as const;
export type TextLanguage = (typeof textLanguages)[number];

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
// Links, e-mail addresses and handles are Latin in any language; they must not tip the scale.
const LATIN_NOISE = /(?:https?:\/\/|www\.)\S+|\S+@\S+|@\w+/gu;
// Even a short Russian sentence quoting an English term stays above 70 % Cyrillic
// letters; past 30 % of the other script the text is genuinely bilingual.
const DOMINANT_SHARE = 0.7;

/**
 * The product reads Russian and English, so the script is the language: Cyrillic
 * letters → 'ru', Latin → 'en', a real share of both → 'mixed', no letters → null.
 */
export function detectLanguage(text: string): TextLanguage | null {
  const words = text.replace(LATIN_NOISE, ' ');
  const cyrillic = words.match(CYRILLIC)?.length ?? 0;
  const latin = words.match(LATIN)?.length ?? 0;
  const letters = cyrillic + latin;
  if (letters === 0) return null;
  if (cyrillic / letters >= DOMINANT_SHARE) return 'ru';
  if (latin / letters >= DOMINANT_SHARE) return 'en';
  return 'mixed';
}
