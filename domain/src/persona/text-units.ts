/** How stylometrics cut text: words, sentences and emoji, for Russian and English alike. */

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/u;
// A sentence ends at . ! ? … (runs of them too) before a space or the end, or at a line break.
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/u;
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*/gu;

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lower case, ё as е (Russian writers use both for one letter). */
export function normalWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

/** Sentences that hold at least one word. */
export function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).some((word) => LETTER.test(word)));
}

export function emojiOf(text: string): string[] {
  return text.match(EMOJI) ?? [];
}

export function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
