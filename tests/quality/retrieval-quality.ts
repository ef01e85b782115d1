import {
  buildLexicalIndex,
  fuseRanks,
  loadPersonaEmbedder,
  nearestRows,
  retrievalDepth,
  searchLexical,
  vectorMatrix,
} from '@bishop/ml-workers';
import type { ModelSettings } from '@bishop/ml-workers/models';
import { cases, passages } from './retrieval-fixture.ts';

export interface RankingFigures {
  readonly method: string;
  readonly recallAt5: number;
  readonly mrr: number;
  readonly msPerQuery: number;
}

/** 1/rank of the answer in the top 10, else 0; and whether it is in the top 5. */
function scoreRanking(ranking: readonly number[], answer: number): { hit5: boolean; reciprocal: number } {
  const rank = ranking.slice(0, 10).indexOf(answer);
  return { hit5: rank >= 0 && rank < 5, reciprocal: rank >= 0 ? 1 / (rank + 1) : 0 };
}

function summarise(method: string, rankings: readonly (readonly number[])[], ms: number): RankingFigures {
  const scored = rankings.map((ranking, i) => scoreRanking(ranking, cases[i]?.answer ?? -1));
  return {
    method,
    recallAt5: scored.filter((s) => s.hit5).length / scored.length,
    mrr: scored.reduce((sum, s) => sum + s.reciprocal, 0) / scored.length,
    msPerQuery: ms / rankings.length,
  };
}

/**
 * Recall@5 and MRR of BM25 alone, dense alone and the fusion, each as the
 * persona's retrieval runs it (the same index, encoder roles, candidate depth
 * and reciprocal-rank fusion as open-persona's `knowledge`).
 */
export async function measureRetrieval(settings: ModelSettings): Promise<RankingFigures[]> {
  const embedder = await loadPersonaEmbedder(settings);
  const lexical = buildLexicalIndex(passages);
  const depth = retrievalDepth(5);
  const vectors = await embedder.embed(passages, 'passage');
  const matrix = vectorMatrix(vectors, vectors[0]?.length ?? 0);

  let started = performance.now();
  const bm25 = cases.map((c) => searchLexical(lexical, c.question, depth).map((hit) => hit.index));
  const bm25Ms = performance.now() - started;
  started = performance.now();
  const dense: number[][] = [];
  for (const c of cases) {
    const [query] = await embedder.embed([c.question], 'query');
    dense.push(nearestRows(matrix, query as Float32Array, depth).map((hit) => hit.index));
  }
  const denseMs = performance.now() - started;
  started = performance.now();
  const fused = cases.map((_, i) => fuseRanks([bm25[i] ?? [], dense[i] ?? []]).map((hit) => hit.index));
  const fuseMs = performance.now() - started;
  return [
    summarise('BM25 alone (MiniSearch, 5-letter truncation stems)', bm25, bm25Ms),
    summarise('dense alone (cosine, exact)', dense, denseMs),
    summarise('fused (reciprocal-rank fusion, k = 60)', fused, bm25Ms + denseMs + fuseMs),
  ];
}
