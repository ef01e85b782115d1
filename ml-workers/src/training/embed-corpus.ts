import type { BlobStore } from '@bishop/domain/ports';
import type { PersonaEmbedder } from '../persona/index.ts';
import type { AssembledCorpus, MaterialPart } from './assemble-corpus.ts';
import {
  type MaterialVectors,
  materialVectorsKey,
  readMaterialVectors,
  writeMaterialVectors,
} from './material-vectors.ts';

export interface EmbeddingSteps {
  readonly blobs: BlobStore;
  readonly avatarId: string;
  readonly embedder: PersonaEmbedder;
  readonly batchSize: number;
  /** Fraction of the stage done. */
  readonly advance: (fraction: number) => void;
  /** Between batches: throws when the run must stop. */
  readonly checkpoint: () => Promise<void>;
}

export interface EmbeddedCorpus {
  readonly passages: readonly Float32Array[];
  readonly pairPrompts: readonly Float32Array[];
  readonly cache: { readonly hits: number; readonly misses: number };
  readonly textsEmbedded: number;
}

/**
 * Vectors for every passage and pair prompt of the corpus: a material's
 * cached vectors when its work and the model are unchanged, else embedded in
 * batches (and cached). Pair prompts are embedded as queries: a new message
 * is compared with them like with like.
 */
export async function embedCorpus(
  parts: readonly (MaterialPart & { readonly workHash: string })[],
  corpus: AssembledCorpus,
  steps: EmbeddingSteps,
): Promise<EmbeddedCorpus> {
  const found = await Promise.all(
    parts.map(async (part) => {
      const key = materialVectorsKey(steps.avatarId, part.material.materialId, part.workHash, steps.embedder.model);
      const expected = { passages: part.work.passages.length, pairPrompts: part.work.pairs.length };
      return { part, key, vectors: await readMaterialVectors(steps.blobs, key, expected) };
    }),
  );
  const toEmbed = found
    .filter((entry) => entry.vectors === null)
    .reduce((sum, { part }) => sum + part.work.passages.length + part.work.pairs.length, 0);
  let embedded = 0;
  const embedBatches = async (texts: readonly string[], role: 'query' | 'passage') => {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += steps.batchSize) {
      await steps.checkpoint();
      vectors.push(...(await steps.embedder.embed(texts.slice(start, start + steps.batchSize), role)));
      embedded += Math.min(steps.batchSize, texts.length - start);
      steps.advance(toEmbed === 0 ? 1 : embedded / toEmbed);
    }
    return vectors;
  };

  const byPassage = new Map<string, Float32Array>();
  const byPair = new Map<string, Float32Array>();
  for (const entry of found) {
    const { work } = entry.part;
    let vectors: MaterialVectors | null = entry.vectors;
    if (vectors === null) {
      vectors = {
        passages: await embedBatches(
          work.passages.map((passage) => passage.text),
          'passage',
        ),
        pairPrompts: await embedBatches(
          work.pairs.map((pair) => pair.prompt),
          'query',
        ),
      };
      await writeMaterialVectors(steps.blobs, entry.key, vectors);
    }
    work.passages.forEach((passage, i) => {
      const vector = vectors.passages[i];
      if (vector && !byPassage.has(passage.hash)) byPassage.set(passage.hash, vector);
    });
    work.pairs.forEach((pair, i) => {
      const vector = vectors.pairPrompts[i];
      if (vector && !byPair.has(pair.hash)) byPair.set(pair.hash, vector);
    });
  }
  const misses = found.filter((entry) => entry.vectors === null).length;
  return {
    passages: corpus.passageHashes.map((hash) => vectorFor(byPassage, hash)),
    pairPrompts: corpus.pairHashes.map((hash) => vectorFor(byPair, hash)),
    cache: { hits: found.length - misses, misses },
    textsEmbedded: embedded,
  };
}

function vectorFor(vectors: ReadonlyMap<string, Float32Array>, hash: string): Float32Array {
  const vector = vectors.get(hash);
  if (!vector) throw new Error(`No vector was computed for text ${hash}`);
  return vector;
}
