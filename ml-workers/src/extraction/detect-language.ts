export const textLanguages = ['ru', 'en', 'mixed'] as const;
export type TextLanguage = (typeof textLanguages)[number];

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
// Links, e-mail addresses and handles are Latin in any language; they must not tip the scale.
// Matches start only at a word start and every run is bounded: an unbounded `\S+@` retried at
// each position of a long unbroken line is quadratic (a 100 kB line took 10 s, freezing the process).
const LATIN_NOISE = /(?<!\S)(?:https?:\/\/|www\.)\S{1,2048}|(?<!\S)[^\s@]{1,256}@\S{1,256}|(?<!\S)@\w{1,64}/gu;
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
