import { createRequire } from 'node:module';
import type { Index } from 'usearch';
import { normalized, type VectorMatrix } from './vectors.ts';

type USearch = typeof import('usearch');
// Loaded on first use, so a process that never meets a persona past the threshold never loads the native
// module; and its CommonJS build, which finds its binary from __dirname (the ES build reads a stack trace,
// which fails e.g. under `node -e`).
let loaded: USearch | undefined;
const usearch = (): USearch => {
  loaded ??= createRequire(import.meta.url)('usearch') as USearch;
  return loaded;
};

/** Nearest rows of a vector matrix, best first, as `nearestRows` answers them. */
export type NearestSearch = (
  query: Float32Array,
  limit: number,
  allowed?: (index: number) => boolean,
) => { index: number; similarity: number }[];

/**
 * An HNSW graph over the rows (USearch): a search visits a few thousand rows
 * instead of all of them, at the cost of missing a close row now and then
 * (recall against the exact scan: the `scale` benchmark's retrieval rows).
 * Inner product, because the rows and queries are unit length.
 */
export interface ApproximateIndexSettings {
  /** Edges per node (HNSW M). */
  readonly connectivity: number;
  /** Candidates kept while inserting (efConstruction). */
  readonly expansionAdd: number;
  /** Candidates kept while searching (ef); at least the limit asked for. */
  readonly expansionSearch: number;
}

export const defaultApproximateIndexSettings: ApproximateIndexSettings = {
  connectivity: 16,
  expansionAdd: 64,
  expansionSearch: 256,
};

/** An index with no rows yet, to add rows to or load a saved graph into. */
export function emptyApproximateIndex(dims: number, settings: ApproximateIndexSettings): Index {
  const { Index, MetricKind, ScalarKind } = usearch();
  return new Index({
    dimensions: dims,
    metric: MetricKind.IP,
    quantization: ScalarKind.F32,
    connectivity: settings.connectivity,
    expansion_add: settings.expansionAdd,
    expansion_search: settings.expansionSearch,
    multi: false,
  });
}

/** The graph over every row, keyed by row number (synchronous: minutes for 10⁵ rows; see the background build). */
export function buildApproximateIndex(matrix: VectorMatrix, settings = defaultApproximateIndexSettings): Index {
  const index = emptyApproximateIndex(matrix.dims, settings);
  if (matrix.count > 0) {
    index.add(
      BigUint64Array.from({ length: matrix.count }, (_, row) => BigInt(row)),
      matrix.data.subarray(0, matrix.count * matrix.dims),
      0,
    );
  }
  return index;
}

/** Answers like `nearestRows` from a built graph over `count` rows. */
export function searchApproximate(index: Index, count: number): NearestSearch {
  return (query, limit, allowed = () => true) => {
    if (limit <= 0 || count === 0) return [];
    // Rows left out (held-out pairs) are few; ask for twice the limit so it is still met.
    const matches = index.search(normalized(query), Math.min(count, limit * 2), 1);
    const hits: { index: number; similarity: number }[] = [];
    for (let i = 0; i < matches.keys.length && hits.length < limit; i++) {
      const row = Number(matches.keys[i]);
      if (allowed(row)) hits.push({ index: row, similarity: 1 - (matches.distances[i] ?? 1) });
    }
    return hits;
  };
}

/** Builds the graph here and now and answers like `nearestRows`. */
export function approximateNearest(matrix: VectorMatrix, settings = defaultApproximateIndexSettings): NearestSearch {
  return searchApproximate(buildApproximateIndex(matrix, settings), matrix.count);
}
