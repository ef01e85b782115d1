import type { BlobStore } from '@bishop/domain/ports';
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
}

/** A persona version ready to answer, with how it retrieves. */
export interface OpenedPersona extends PersonaRetriever {
  readonly snapshotKey: string;
  /** 'hybrid': BM25 fused with dense vectors; 'lexical': BM25 only (no embedder, or another model than training's). */
  readonly retrieval: 'hybrid' | 'lexical';
  readonly passageCount: number;
  readonly pairCount: number;
}

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
  const dense = denseSide(snapshot, options.embedder);
  const trainingPair = (position: number) => !heldOutIds.has(snapshot.pairs[position]?.id ?? '');

  async function retrieve<T>(
    items: readonly T[],
    index: LexicalIndex,
    vectors: VectorMatrix | undefined,
    query: string,
    limit: number,
    allowed?: (position: number) => boolean,
  ): Promise<Retrieved<T>[]> {
    if (query.trim() === '' || limit <= 0 || items.length === 0) return [];
    const depth = retrievalDepth(limit);
    const lexical = searchLexical(index, query, depth, allowed).map((hit) => hit.index);
    const nearest = dense && vectors ? nearestRows(vectors, await dense.embedQuery(query), depth, allowed) : [];
    const similarities = new Map(nearest.map((hit) => [hit.index, hit.similarity]));
    return fuseRanks([lexical, nearest.map((hit) => hit.index)])
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

function denseSide(snapshot: PersonaSnapshot, embedder: PersonaEmbedder | undefined) {
  const trained = snapshot.embedder;
  if (!embedder || !trained || !snapshot.vectors) return undefined;
  const same =
    embedder.model.name === trained.name &&
    embedder.model.revision === trained.revision &&
    embedder.model.dtype === trained.dtype;
  if (!same) return undefined;
  return {
    passages: decodeVectors(snapshot.vectors.passages, trained.dims, snapshot.passages.length),
    pairPrompts: decodeVectors(snapshot.vectors.pairPrompts, trained.dims, snapshot.pairs.length),
    async embedQuery(query: string): Promise<Float32Array> {
      const [vector] = await embedder.embed([query], 'query');
      if (!vector) throw new Error('The embedder returned no vector for the query');
      return vector;
    },
  };
}
