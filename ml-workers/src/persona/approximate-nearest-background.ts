import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { jobScratchDirectory } from '../runtime/job-scratch.ts';
import {
  type ApproximateIndexSettings,
  defaultApproximateIndexSettings,
  emptyApproximateIndex,
  type NearestSearch,
  searchApproximate,
} from './approximate-nearest.ts';
import { nearestRows, type VectorMatrix } from './vectors.ts';

/** A dense search that starts exact and turns approximate once its HNSW graph is built. */
export interface BackgroundNearest {
  readonly search: NearestSearch;
  /** Resolves once the graph answers (or, should building fail, once searches are known to stay exact). */
  readonly ready: Promise<'approximate' | 'exact'>;
}

/**
 * Builds the matrix's HNSW graph on a worker thread (saved to a temporary
 * file, then loaded here) and answers with the exact scan until it is in: a
 * persona is usable at once, and fast as soon as the graph is there.
 */
export function approximateNearestInBackground(
  matrix: VectorMatrix,
  settings: ApproximateIndexSettings = defaultApproximateIndexSettings,
): BackgroundNearest {
  let approximate: NearestSearch | undefined;
  const exact: NearestSearch = (query, limit, allowed) => nearestRows(matrix, query, limit, allowed);
  const ready = (async (): Promise<'approximate' | 'exact'> => {
    const directory = await jobScratchDirectory('hnsw-');
    const path = join(directory, 'index.usearch');
    try {
      await buildOnWorker(matrix, settings, path);
      const index = emptyApproximateIndex(matrix.dims, settings);
      index.load(path);
      approximate = searchApproximate(index, matrix.count);
      return 'approximate';
    } catch (error) {
      console.warn(`[persona] the HNSW index could not be built; dense retrieval stays exact: ${error}`);
      return 'exact';
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  })();
  return { search: (query, limit, allowed) => (approximate ?? exact)(query, limit, allowed), ready };
}

function buildOnWorker(matrix: VectorMatrix, settings: ApproximateIndexSettings, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./approximate-index-builder.ts', import.meta.url), {
      workerData: { dims: matrix.dims, count: matrix.count, data: matrix.data, settings, path },
    });
    // A persona dropped while its graph builds must not keep the process alive.
    worker.unref();
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the index builder exited with code ${code}`)));
  });
}
