import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * BM25 over the person's texts (MiniSearch's BM25+). Lexical retrieval is
 * what finds rare names and terms, which a sentence encoder blurs, and it is
 * all there is when no embedder is installed.
 */
export type LexicalIndex = MiniSearch<LexicalDocument>;
export type LexicalIndexData = AsPlainObject;

export interface LexicalDocument {
  /** Position of the item in the snapshot's list. */
  readonly id: number;
  readonly text: string;
}

/** Library and version written next to the index data: another version may not read it. */
export const lexicalLibrary = 'minisearch@7';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Russian inflects heavily ("Толстой", "Толстого", "Толстому"): indexing a word also by its first
// five letters (truncation stemming, a known strong baseline for Russian retrieval) lets the forms meet,
// while the whole word still scores higher where it matches exactly. No kept stemmer library covers ru+en.
const STEM_LENGTH = 5;

function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

function processTerm(term: string): string[] {
  const word = term.toLowerCase().replace(/ё/g, 'е');
  const letters = [...word];
  return letters.length > STEM_LENGTH + 1 ? [word, `${letters.slice(0, STEM_LENGTH).join('')}…`] : [word];
}

const options: Options<LexicalDocument> = { fields: ['text'], idField: 'id', tokenize, processTerm };

/** Indexes each text under its position; `null` leaves a position out (a held-out pair). */
export function buildLexicalIndex(texts: readonly (string | null)[]): LexicalIndex {
  const index = new MiniSearch<LexicalDocument>(options);
  index.addAll(texts.flatMap((text, id) => (text === null ? [] : [{ id, text }])));
  return index;
}

export function loadLexicalIndex(data: LexicalIndexData): LexicalIndex {
  return MiniSearch.loadJS<LexicalDocument>(data, options);
}

// A hit scoring under this share of the best hit matched only words found nearly everywhere
// ("ты", "the"): fused by rank it would count like a real match, so it is no candidate.
const MIN_SHARE_OF_BEST = 0.1;

/** Positions of the best matches, best first (any query word may match). */
export function searchLexical(
  index: LexicalIndex,
  query: string,
  limit: number,
  allowed: (position: number) => boolean = () => true,
): { index: number; score: number }[] {
  const results = index.search(query, { combineWith: 'OR', filter: (result) => allowed(result.id as number) });
  const floor = (results[0]?.score ?? 0) * MIN_SHARE_OF_BEST;
  return results
    .filter((result) => result.score >= floor)
    .slice(0, limit)
    .map((result) => ({ index: result.id as number, score: result.score }));
}
