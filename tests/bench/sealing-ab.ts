/**
 * `node tests/bench/sealing-ab.ts`: the cost of sealed read models and blobs on
 * the GraphQL read benchmark, A/B in one run: the same benchmark alternately
 * with sealing off and on (two runs each), medians compared.
 */
import { testDatabaseUrl } from '../src/test-env.ts';
import { graphqlThroughputBenchmark } from './graphql-throughput.bench.ts';
import { median } from './harness.ts';

const runs = Number(process.env.BISHOP_BENCH_AB_RUNS ?? 2);
const figures: Record<'off' | 'on', number[]> = { off: [], on: [] };
for (let run = 0; run < runs; run++) {
  for (const sealing of ['off', 'on'] as const) {
    process.env.BISHOP_BENCH_SEALING = sealing;
    const [row] = await graphqlThroughputBenchmark.run({
      quick: false,
      serverUrl: testDatabaseUrl,
      log: (message) => console.error(`[sealing ${sealing}] ${message}`),
    });
    figures[sealing].push(row?.ours ?? 0);
    console.error(`[sealing ${sealing}] run ${run + 1}: ${row?.ours.toFixed(0)} req/s`);
  }
}
const off = median(figures.off);
const on = median(figures.on);
console.log(
  `GraphQL avatar + 20 materials: sealing off ${off.toFixed(0)} req/s, on ${on.toFixed(0)} req/s (${(((on - off) / off) * 100).toFixed(1)} %)`,
);
console.log(JSON.stringify(figures));
