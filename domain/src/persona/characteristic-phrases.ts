import { stopWords } from './style-lexicon.ts';
import { normalWord, sentencesOf, wordsOf } from './text-units.ts';

export interface Counted {
  readonly text: string;
  readonly count: number;
}

const MIN_COUNT = 2;
const NUMBER = /^\p{N}+$/u;

/**
 * The person's recurring turns of phrase: word 2- and 3-grams within a
 * sentence, said at least twice in at least two different texts (a phrase
 * repeated inside one text is that text's subject, not the person's habit),
 * not made only of function words or numbers. A 2-gram that only ever occurs
 * inside one of the kept 3-grams is left out as its echo.
 */
export function characteristicPhrases(texts: readonly string[], limit: number): Counted[] {
  const counts = new Map<string, { count: number; texts: Set<number> }>();
  texts.forEach((text, textIndex) => {
    for (const sentence of sentencesOf(text)) {
      const words = wordsOf(sentence).map(normalWord);
      for (const n of [2, 3]) {
        for (let start = 0; start + n <= words.length; start++) {
          const gram = words.slice(start, start + n);
          if (gram.every((word) => stopWords.has(word) || NUMBER.test(word))) continue;
          const key = gram.join(' ');
          const entry = counts.get(key) ?? { count: 0, texts: new Set<number>() };
          entry.count += 1;
          entry.texts.add(textIndex);
          counts.set(key, entry);
        }
      }
    }
  });
  const recurring = [...counts]
    .filter(([, entry]) => entry.count >= MIN_COUNT && entry.texts.size >= 2)
    .map(([text, entry]) => ({ text, count: entry.count }));
  const trigrams = recurring.filter((phrase) => phrase.text.split(' ').length === 3);
  const echo = (phrase: Counted) =>
    phrase.text.split(' ').length === 2 &&
    trigrams.some((longer) => longer.count === phrase.count && ` ${longer.text} `.includes(` ${phrase.text} `));
  return recurring
    .filter((phrase) => !echo(phrase))
    .sort((a, b) => b.count - a.count || b.text.length - a.text.length || a.text.localeCompare(b.text))
    .slice(0, limit);
}

/** Content words the person uses most (at least twice). */
export function favouriteWords(texts: readonly string[], limit: number): Counted[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of wordsOf(text).map(normalWord)) {
      if (stopWords.has(word) || NUMBER.test(word) || [...word].length < 3) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_COUNT)
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
}

/** How the person tends to begin a message: its first word, when a habit (twice or more). */
export function openers(texts: readonly string[], limit: number): Counted[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const first = wordsOf(text)[0];
    if (first !== undefined) counts.set(normalWord(first), (counts.get(normalWord(first)) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_COUNT)
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
}
