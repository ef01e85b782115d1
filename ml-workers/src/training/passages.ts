import { createHash } from 'node:crypto';
import { cleanText } from '../extraction/clean-text.ts';
import { detectLanguage } from '../extraction/index.ts';

/** A unit of the person's words as the source gives it: a paragraph, a timed segment, a chat turn. */
export interface WordsUnit {
  readonly text: string;
  readonly startSec: number | null;
  readonly endSec: number | null;
}

/** A passage before it is tied to its material: the id is `<materialId>:<hash>`. */
export interface DraftPassage {
  readonly hash: string;
  readonly text: string;
  readonly language: string | null;
  readonly startSec: number | null;
  readonly endSec: number | null;
}

export interface SplitRules {
  readonly targetChars: number;
  readonly maxChars: number;
  readonly minWords: number;
  /** Whether neighbouring short units may share a passage (paragraphs, segments) or each stands alone (chat turns). */
  readonly merge: boolean;
  /** Timed units further apart than this never share a passage. */
  readonly maxGapSec?: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_BREAK = /(?<=[.!?…])\s+/u;

/**
 * Content hash of a text as a reader sees it: case, spacing and punctuation
 * do not make two passages different. 16 bytes of SHA-256, hex.
 */
export function contentHash(...texts: readonly string[]): string {
  const normal = texts.map((text) => (text.toLowerCase().replace(/ё/g, 'е').match(WORD) ?? []).join(' '));
  return createHash('sha256').update(normal.join('\u0000')).digest('hex').slice(0, 32);
}

/** Cleans the units and cuts them into passages of about `targetChars`, never more than `maxChars`. */
export function splitIntoPassages(units: readonly WordsUnit[], rules: SplitRules): DraftPassage[] {
  const pieces = units
    .map((unit) => ({ ...unit, text: cleanText(unit.text) }))
    .filter((unit) => unit.text !== '')
    .flatMap((unit) => cutLong(unit, rules.maxChars));
  const merged = rules.merge ? mergeShort(pieces, rules) : pieces;
  return merged
    .filter((piece) => (piece.text.match(WORD)?.length ?? 0) >= rules.minWords)
    .map((piece) => ({ ...piece, hash: contentHash(piece.text), language: detectLanguage(piece.text) }));
}

/** A unit over the limit is cut at sentence ends, and a sentence over it at word ends (times are shared). */
function cutLong(unit: WordsUnit, maxChars: number): WordsUnit[] {
  if (unit.text.length <= maxChars) return [unit];
  const sentences = unit.text.split(SENTENCE_BREAK).flatMap((sentence) => cutWords(sentence, maxChars));
  const pieces: string[] = [];
  for (const sentence of sentences) {
    const last = pieces.at(-1);
    if (last !== undefined && last.length + 1 + sentence.length <= maxChars)
      pieces[pieces.length - 1] = `${last} ${sentence}`;
    else pieces.push(sentence);
  }
  return pieces.map((text) => ({ ...unit, text }));
}

function cutWords(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    // A "word" longer than the limit (a URL, a hash) is cut where it must be.
    for (let start = 0; start < word.length; start += maxChars) {
      const part = word.slice(start, start + maxChars);
      if (current !== '' && current.length + 1 + part.length > maxChars) {
        pieces.push(current);
        current = part;
      } else current = current === '' ? part : `${current} ${part}`;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Joins neighbours until a passage reaches the target; a time gap or the limit starts a new one. */
function mergeShort(units: readonly WordsUnit[], rules: SplitRules): WordsUnit[] {
  const passages: WordsUnit[] = [];
  for (const unit of units) {
    const last = passages.at(-1);
    const gap = last?.endSec != null && unit.startSec != null ? unit.startSec - last.endSec : 0;
    const joinable =
      last !== undefined &&
      last.text.length < rules.targetChars &&
      last.text.length + 2 + unit.text.length <= rules.maxChars &&
      gap <= (rules.maxGapSec ?? Number.POSITIVE_INFINITY);
    if (joinable) {
      passages[passages.length - 1] = {
        text: `${last.text}\n${unit.text}`,
        startSec: last.startSec ?? unit.startSec,
        endSec: unit.endSec ?? last.endSec,
      };
    } else passages.push(unit);
  }
  return passages;
}
