import { type Counted, characteristicPhrases, favouriteWords, openers } from './characteristic-phrases.ts';
import { type Distribution, distributionOf, rounded, share } from './distribution.ts';
import { type Formality, formalityOf } from './formality.ts';
import { type LanguageMix, languageMixOf } from './language-mix.ts';
import { analyseText, countMatches, emojiOf } from './text-units.ts';

/**
 * Stylometrics of the person's own words (messages, turns, paragraphs): what
 * a reply must match to sound like them, and what the avatar test measures
 * distance on. Rates are per 100 words unless named otherwise.
 */
export interface StyleProfile {
  readonly version: 1;
  /** Texts measured: all of them, or an even sample of a large corpus (see `sampledFrom`). */
  readonly texts: number;
  /** Texts given. */
  readonly sampledFrom: number;
  readonly words: number;
  readonly sentences: number;
  /** Words per sentence. */
  readonly sentenceLength: Distribution;
  /** Words per text (a message, a turn, a paragraph). */
  readonly textLength: Distribution;
  readonly vocabulary: {
    readonly distinctWords: number;
    /** Moving-average type/token ratio over 50-word windows: richness that does not fall with corpus size. */
    readonly movingTypeTokenRatio: number;
    /** Share of distinct words used once. */
    readonly hapaxShare: number;
    readonly meanWordLength: number;
  };
  readonly punctuation: {
    readonly comma: number;
    readonly period: number;
    readonly exclamation: number;
    readonly question: number;
    readonly ellipsis: number;
    readonly dash: number;
    readonly colon: number;
    readonly semicolon: number;
    readonly quote: number;
    readonly parenthesis: number;
    /** "!!", "?!", "???": emphatic runs. */
    readonly repeatedMarks: number;
    /** Share of texts that end without . ! ? … (typical of chat). */
    readonly unterminatedTexts: number;
  };
  readonly emoji: {
    /** Emoji per text. */
    readonly perText: number;
    readonly textsWithEmoji: number;
    /** ")" / "))" / ":)" smiles per text, as Russian chat writes them. */
    readonly bracketSmilesPerText: number;
    readonly favourites: readonly Counted[];
  };
  readonly casing: {
    /** Share of sentences starting with a lower-case letter. */
    readonly lowercaseSentenceStarts: number;
    /** Share of words (2+ letters) written in capitals. */
    readonly shoutedWords: number;
  };
  readonly formality: Formality;
  readonly languages: LanguageMix;
  readonly phrases: readonly Counted[];
  readonly favouriteWords: readonly Counted[];
  readonly openers: readonly Counted[];
}

const MATTR_WINDOW = 50;
const LIST_LIMIT = 20;
const BRACKET_SMILE = /(?::-?\)+|(?<![(\p{L}\p{N}])\)+(?=\s|$))/gu;

// Stylometric measures are reliable from about 5,000 words a sample (Eder 2015, "Does size
// matter?"); an even sample of about 20,000 words keeps profiling time bounded however large
// the corpus grows.
const MAX_PROFILE_CHARS = 150_000;

export function styleProfileOf(texts: readonly string[]): StyleProfile {
  const given = texts.map((text) => text.trim()).filter((text) => text !== '');
  const kept = evenSample(given, MAX_PROFILE_CHARS);
  const analysed = kept.map(analyseText);
  const sentences = analysed.flatMap((text) => text.sentences);
  const words = analysed.flatMap((text) => text.words);
  const normal = analysed.flatMap((text) => text.normal);
  const per100 = (pattern: RegExp) =>
    share(kept.reduce((sum, text) => sum + countMatches(text, pattern), 0) * 100, words.length);
  const emoji = kept.map(emojiOf);
  return {
    version: 1,
    texts: kept.length,
    sampledFrom: given.length,
    words: words.length,
    sentences: sentences.length,
    sentenceLength: distributionOf(sentences.map((sentence) => sentence.words.length)),
    textLength: distributionOf(analysed.map((text) => text.words.length)),
    vocabulary: vocabularyOf(normal),
    punctuation: {
      comma: per100(/,/g),
      period: per100(/(?<![.])\.(?![.])/g),
      exclamation: per100(/!/g),
      question: per100(/\?/g),
      ellipsis: per100(/\.{3}|…/g),
      dash: per100(/(?<=\s)[-–—](?=\s)/g),
      colon: per100(/:(?![-)(DP])/g),
      semicolon: per100(/;/g),
      quote: per100(/["«»“”„]/g),
      parenthesis: per100(/\((?!\s*$)/g),
      repeatedMarks: per100(/[!?]{2,}/g),
      unterminatedTexts: share(kept.filter((text) => !isTerminated(text)).length, kept.length),
    },
    emoji: {
      perText: share(
        emoji.reduce((sum, list) => sum + list.length, 0),
        kept.length,
      ),
      textsWithEmoji: share(emoji.filter((list) => list.length > 0).length, kept.length),
      bracketSmilesPerText: share(
        kept.reduce((sum, text) => sum + countMatches(text, BRACKET_SMILE), 0),
        kept.length,
      ),
      favourites: mostFrequent(emoji.flat(), LIST_LIMIT),
    },
    casing: casingOf(
      sentences.map((sentence) => sentence.text),
      words,
    ),
    formality: formalityOf(analysed),
    languages: languageMixOf(kept),
    phrases: characteristicPhrases(analysed, LIST_LIMIT),
    favouriteWords: favouriteWords(analysed, LIST_LIMIT),
    openers: openers(analysed, LIST_LIMIT),
  };
}

// Smiles, emoji, closing quotes and brackets may follow the final mark; they do not end the sentence.
const TRAILING_DECORATION = /(?:[\s)("'»”:;-]|\p{Extended_Pictographic}|\uFE0F|\u200D)+$/u;

function isTerminated(text: string): boolean {
  return /[.!?…]$/u.test(text.replace(TRAILING_DECORATION, ''));
}

/** Every k-th text, so that about `maxChars` characters remain and every part of the corpus is represented. */
function evenSample(texts: readonly string[], maxChars: number): readonly string[] {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  if (chars <= maxChars) return texts;
  const stride = Math.ceil(chars / maxChars);
  return texts.filter((_, i) => i % stride === 0);
}

function vocabularyOf(words: readonly string[]): StyleProfile['vocabulary'] {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const hapaxes = [...counts.values()].filter((count) => count === 1).length;
  return {
    distinctWords: counts.size,
    movingTypeTokenRatio: movingTypeTokenRatio(words),
    hapaxShare: share(hapaxes, counts.size),
    meanWordLength:
      words.length === 0 ? 0 : rounded(words.reduce((sum, word) => sum + [...word].length, 0) / words.length),
  };
}

/** MATTR (Covington & McFall, 2010); a text shorter than the window is one window. */
function movingTypeTokenRatio(words: readonly string[]): number {
  if (words.length === 0) return 0;
  if (words.length <= MATTR_WINDOW) return share(new Set(words).size, words.length);
  const window = new Map<string, number>();
  const add = (word: string, delta: number) => {
    const count = (window.get(word) ?? 0) + delta;
    if (count === 0) window.delete(word);
    else window.set(word, count);
  };
  for (const word of words.slice(0, MATTR_WINDOW)) add(word, 1);
  let total = window.size;
  for (let end = MATTR_WINDOW; end < words.length; end++) {
    add(words[end] ?? '', 1);
    add(words[end - MATTR_WINDOW] ?? '', -1);
    total += window.size;
  }
  return share(total, (words.length - MATTR_WINDOW + 1) * MATTR_WINDOW);
}

const TWO_LETTERS = /\p{L}.*\p{L}/u;

function casingOf(sentences: readonly string[], words: readonly string[]): StyleProfile['casing'] {
  const starts = sentences.map((sentence) => sentence.match(/\p{L}/u)?.[0] ?? '');
  const lettered = words.filter((word) => TWO_LETTERS.test(word));
  return {
    lowercaseSentenceStarts: share(
      starts.filter((letter) => letter !== '' && letter === letter.toLowerCase() && letter !== letter.toUpperCase())
        .length,
      starts.length,
    ),
    shoutedWords: share(
      lettered.filter((word) => word === word.toUpperCase() && word !== word.toLowerCase()).length,
      lettered.length,
    ),
  };
}

function mostFrequent(items: readonly string[], limit: number): Counted[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit);
}
