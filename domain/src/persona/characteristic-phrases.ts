import { stopWords } from './style-lexicon.ts';
import type { AnalysedText } from './text-units.ts';

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
export function characteristicPhrases(texts: readonly AnalysedText[], limit: number): Counted[] {
  // One pass over the corpus; `lastText` counts distinct texts without a set per phrase.
  const counts = new Map<string, { count: number; texts: number; lastText: number }>();
  const see = (key: string, textIndex: number) => {
    const entry = counts.get(key);
    if (!entry) counts.set(key, { count: 1, texts: 1, lastText: textIndex });
    else {
      entry.count += 1;
      if (entry.lastText !== textIndex) {
        entry.texts += 1;
        entry.lastText = textIndex;
      }
    }
  };
  texts.forEach((text, textIndex) => {
    for (const { normal } of text.sentences) {
      const plain = normal.map((word) => stopWords.has(word) || NUMBER.test(word));
      for (let start = 0; start + 1 < normal.length; start++) {
        const [a, b, c] = [normal[start], normal[start + 1], normal[start + 2]];
        if (!(plain[start] && plain[start + 1])) see(`${a} ${b}`, textIndex);
        if (c !== undefined && !(plain[start] && plain[start + 1] && plain[start + 2]))
          see(`${a} ${b} ${c}`, textIndex);
      }
    }
  });
  const recurring = [...counts]
    .filter(([, entry]) => entry.count >= MIN_COUNT && entry.texts >= 2)
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
export function favouriteWords(texts: readonly AnalysedText[], limit: number): Counted[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.normal) {
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
export function openers(texts: readonly AnalysedText[], limit: number): Counted[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const first = text.normal[0];
    if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_COUNT)
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
}
