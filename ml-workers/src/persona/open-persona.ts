import type { BlobStore } from '@bishop/domain/ports';
import type { NearestSearch } from './approximate-nearest.ts';
import { approximateNearestInBackground } from './approximate-nearest-background.ts';
import {
  buildLexicalIndex,
  type LexicalIndex,
  lexicalLibrary,
  loadLexicalIndex,
  searchLexical,
} from './lexical-index.ts';
import type { PersonaPair, PersonaPassage, PersonaRetriever, Retrieved } from './persona.ts';
import type { PersonaEmbedder } from './persona-embedder.ts';
import type { PersonaSnapshot } from './persona-snapshot.ts';
import { fuseRanks } from './rank-fusion.ts';
import { readPersonaSnapshot } from './snapshot-store.ts';
import { decodeVectors, nearestRows, type VectorMatrix } from './vectors.ts';

export interface OpenPersonaOptions {
  /** The sentence encoder to embed queries with; dense retrieval runs only when it is the snapshot's model. */
  readonly embedder?: PersonaEmbedder;
  /**
   * From this many vectors on, dense retrieval searches an HNSW index instead of scanning every row
   * (default APPROXIMATE_FROM; Infinity keeps it exact at any size).
   */
  readonly approximateFrom?: number;
}

/** A persona version ready to answer, with how it retrieves. */
export interface OpenedPersona extends PersonaRetriever {
  readonly snapshotKey: string;
  /** 'hybrid': BM25 fused with dense vectors; 'lexical': BM25 only (no embedder, or another model than training's). */
  readonly retrieval: 'hybrid' | 'lexical';
  readonly passageCount: number;
  readonly pairCount: number;
  /**
   * How dense retrieval searches once settled: 'approximate' when an HNSW graph (built on a worker
   * thread from APPROXIMATE_FROM vectors on) has come in; until then, and below that size, the exact scan.
   */
  readonly denseIndex: Promise<'approximate' | 'exact'>;
}

/**
 * Persona size (vectors) from which dense retrieval uses the HNSW index: below it the exact scan is
 * fast enough and has perfect recall (figures: the `scale` benchmark's retrieval rows).
 */
export const APPROXIMATE_FROM = 25_000;

// Each list contributes this many candidates (at least) to the fusion, so an item ranked
// well by one side only still competes.
const MIN_CANDIDATES = 50;

/** Candidates each side (BM25, dense) offers to the fusion for `limit` results. */
export function retrievalDepth(limit: number): number {
  return Math.max(limit * 5, MIN_CANDIDATES);
}

/** Opens the persona version stored at `snapshotKey` (a `TrainingCompleted.snapshotKey`). */
export async function openPersona(
  blobs: BlobStore,
  snapshotKey: string,
  options: OpenPersonaOptions = {},
): Promise<OpenedPersona> {
  const snapshot = await readPersonaSnapshot(blobs, snapshotKey);
  return personaFromSnapshot(snapshot, snapshotKey, options);
}

/** The same, for a snapshot already in memory (the trainer checks what it wrote; tests). */
export function personaFromSnapshot(
  snapshot: PersonaSnapshot,
  snapshotKey: string,
  options: OpenPersonaOptions = {},
): OpenedPersona {
  const heldOutIds = new Set(snapshot.heldOutPairIds);
  const heldOut = snapshot.pairs.filter((pair) => heldOutIds.has(pair.id));
  const passageIndex = lexicalIndexOf(snapshot, 'passages');
  const pairIndex = lexicalIndexOf(snapshot, 'pairPrompts');
  const dense = denseSide(snapshot, options.embedder, options.approximateFrom ?? APPROXIMATE_FROM);
  const trainingPair = (position: number) => !heldOutIds.has(snapshot.pairs[position]?.id ?? '');

  async function retrieve<T>(
    items: readonly T[],
    index: LexicalIndex,
    nearest: DenseSearch | undefined,
    query: string,
    limit: number,
    allowed?: (position: number) => boolean,
  ): Promise<Retrieved<T>[]> {
    if (query.trim() === '' || limit <= 0 || items.length === 0) return [];
    const depth = retrievalDepth(limit);
    const lexical = searchLexical(index, query, depth, allowed).map((hit) => hit.index);
    const closest = dense && nearest ? nearest.search(await dense.embedQuery(query), depth, allowed) : [];
    const similarities = new Map(closest.map((hit) => [hit.index, hit.similarity]));
    return fuseRanks([lexical, closest.map((hit) => hit.index)])
      .slice(0, limit)
      .flatMap(({ index: position, score }) => {
        const item = items[position];
        if (item === undefined) return [];
        const similarity = similarities.get(position);
        return [similarity === undefined ? { item, score } : { item, score, similarity }];
      });
  }

  return {
    avatarId: snapshot.avatarId,
    runId: snapshot.runId,
    card: snapshot.card,
    style: snapshot.style,
    heldOut,
    snapshotKey,
    retrieval: dense ? 'hybrid' : 'lexical',
    passageCount: snapshot.passages.length,
    denseIndex: dense?.settled ?? Promise.resolve('exact'),
    pairCount: snapshot.pairs.length - heldOut.length,
    knowledge: (query, limit): Promise<Retrieved<PersonaPassage>[]> =>
      retrieve(snapshot.passages, passageIndex, dense?.passages, query, limit),
    exemplars: (message, limit): Promise<Retrieved<PersonaPair>[]> =>
      retrieve(snapshot.pairs, pairIndex, dense?.pairPrompts, message, limit, trainingPair),
  };
}

function lexicalIndexOf(snapshot: PersonaSnapshot, which: 'passages' | 'pairPrompts'): LexicalIndex {
  if (snapshot.lexical.library === lexicalLibrary) return loadLexicalIndex(snapshot.lexical[which]);
  // Written by another version of the library: rebuilding from the texts is cheap and always right.
  const texts =
    which === 'passages'
      ? snapshot.passages.map((passage) => passage.text)
      : snapshot.pairs.map((pair) => (snapshot.heldOutPairIds.includes(pair.id) ? null : pair.prompt));
  return buildLexicalIndex(texts);
}

interface DenseSearch {
  readonly search: NearestSearch;
  readonly ready: Promise<'approximate' | 'exact'>;
}

function denseSide(snapshot: PersonaSnapshot, embedder: PersonaEmbedder | undefined, approximateFrom: number) {
  const trained = snapshot.embedder;
  if (!embedder || !trained || !snapshot.vectors) return undefined;
  const same =
    embedder.model.name === trained.name &&
    embedder.model.revision === trained.revision &&
    embedder.model.dtype === trained.dtype;
  if (!same) return undefined;
  const searchOf = (matrix: VectorMatrix): DenseSearch =>
    matrix.count >= approximateFrom
      ? approximateNearestInBackground(matrix)
      : {
          search: (query, limit, allowed) => nearestRows(matrix, query, limit, allowed),
          ready: Promise.resolve('exact'),
        };
  const passages = searchOf(decodeVectors(snapshot.vectors.passages, trained.dims, snapshot.passages.length));
  const pairPrompts = searchOf(decodeVectors(snapshot.vectors.pairPrompts, trained.dims, snapshot.pairs.length));
  return {
    passages,
    pairPrompts,
    settled: Promise.all([passages.ready, pairPrompts.ready]).then((ways) =>
      ways.includes('approximate') ? ('approximate' as const) : ('exact' as const),
    ),
    async embedQuery(query: string): Promise<Float32Array> {
      const [vector] = await embedder.embed([query], 'query');
      if (!vector) throw new Error('The embedder returned no vector for the query');
      return vector;
    },
  };
}
