/**
 * Worker-thread entry: builds the HNSW graph of one vector matrix and saves
 * it to the given file. USearch inserts synchronously, and a graph over 10⁵
 * vectors takes minutes on two cores: on the reply worker's own thread it
 * would stop every reply and heartbeat meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ApproximateIndexSettings, buildApproximateIndex } from './approximate-nearest.ts';

interface BuildRequest {
  readonly dims: number;
  readonly count: number;
  readonly data: Float32Array;
  readonly settings: ApproximateIndexSettings;
  readonly path: string;
}

const request = workerData as BuildRequest;
buildApproximateIndex({ dims: request.dims, count: request.count, data: request.data }, request.settings).save(
  request.path,
);
parentPort?.postMessage('saved');
