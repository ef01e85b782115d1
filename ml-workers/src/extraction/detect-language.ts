import { createRequire } from 'node:module';
import type * as Tinyld from 'tinyld';

// tinyld's n-gram profiles take ≈ 50 MB of heap: loaded (synchronously, from its CommonJS build) on the first
// text to judge, so a process that never judges one (a recording's language comes from Whisper) does not hold them.
let tinyld: typeof Tinyld | undefined;
const detectAll = (text: string) => {
  tinyld ??= createRequire(import.meta.url)('tinyld') as typeof Tinyld;
  return tinyld.detectAll(text);
};

/** An ISO 639 code (639-1 where the language has one: "ru", "fr", "la"); "mul" for several at once. */
export type TextLanguage = string;

/** ISO 639-2's code for "multiple languages": a bilingual text, none of them dominant. */
export const SEVERAL_LANGUAGES = 'mul';
// Bilingual: a second language scores at least half the first, and the two explain nearly all of
// the text (a short text spreads its score over related languages instead: ru, uk, bg…).
const SECOND_LANGUAGE_SHARE = 0.5;
const TWO_LANGUAGES_EXPLAIN = 0.8;

// Links, e-mail addresses and handles are Latin in any language; they must not tip the scale.
// Matches start only at a word start and every run is bounded: an unbounded `\S+@` retried at
// each position of a long unbroken line is quadratic (a 100 kB line took 10 s, freezing the process).
const LATIN_NOISE = /(?<!\S)(?:https?:\/\/|www\.)\S{1,2048}|(?<!\S)[^\s@]{1,256}@\S{1,256}|(?<!\S)@\w{1,64}/gu;
const LETTER = /\p{L}/gu;
// Below this many letters a guess is noise ("да, конечно" reads as Serbian): no language is better.
const MIN_LETTERS = 20;
// A long text is judged on evenly spread slices: as reliable, and the time stays flat.
const SLICES = 8;
const SLICE_CHARS = 750;

/**
 * The main language of a text, by tinyld (character n-gram profiles of 60+
 * languages): an ISO 639 code, "mul" when two languages share it, or null when
 * the text has too few letters to tell.
 */
export function detectLanguage(text: string): TextLanguage | null {
  const sample = evenSlices(text).replace(LATIN_NOISE, ' ');
  if ((sample.match(LETTER)?.length ?? 0) < MIN_LETTERS) return null;
  const [first, second] = detectAll(sample);
  if (!first) return null;
  const bilingual =
    second !== undefined &&
    second.accuracy >= first.accuracy * SECOND_LANGUAGE_SHARE &&
    first.accuracy + second.accuracy >= TWO_LANGUAGES_EXPLAIN;
  if (bilingual) return SEVERAL_LANGUAGES;
  return first.lang;
}

function evenSlices(text: string): string {
  if (text.length <= SLICES * SLICE_CHARS) return text;
  const step = Math.floor((text.length - SLICE_CHARS) / (SLICES - 1));
  return Array.from({ length: SLICES }, (_, i) => text.slice(i * step, i * step + SLICE_CHARS)).join(' ');
}
