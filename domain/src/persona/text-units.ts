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

export interface AnalysedSentence {
  readonly text: string;
  readonly words: readonly string[];
  /** `words` through `normalWord`. */
  readonly normal: readonly string[];
}

/** A text cut once into sentences and words, shared by every measure (a corpus is tokenised once). */
export interface AnalysedText {
  readonly text: string;
  /** Sentences that hold at least one word with a letter. */
  readonly sentences: readonly AnalysedSentence[];
  readonly words: readonly string[];
  readonly normal: readonly string[];
}

export function analyseText(text: string): AnalysedText {
  const sentences: AnalysedSentence[] = [];
  const words: string[] = [];
  const normal: string[] = [];
  for (const part of text.split(SENTENCE_END)) {
    const partWords = wordsOf(part);
    const partNormal = partWords.map(normalWord);
    words.push(...partWords);
    normal.push(...partNormal);
    if (partWords.some((word) => LETTER.test(word))) {
      sentences.push({ text: part.trim(), words: partWords, normal: partNormal });
    }
  }
  return { text, sentences, words, normal };
}

export function emojiOf(text: string): string[] {
  return text.match(EMOJI) ?? [];
}

export function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
