/**
 * `npm run bench`: runs every benchmark below against Emmett as the anchor,
 * prints the combined table and writes bench-results/latest.{json,md}.
 * BISHOP_BENCH_QUICK=1 shrinks every size (the smoke test's mode) and writes
 * latest-quick.{json,md} instead, so a quick run never replaces real figures.
 */
import { fileURLToPath } from 'node:url';
import { testDatabaseUrl } from '../src/test-env.ts';
import { asrBenchmark } from './asr.bench.ts';
import { serverVersion } from './bench-databases.ts';
import { busBenchmark } from './bus.bench.ts';
import { callBenchmark, callRealBenchmark } from './call.bench.ts';
import { eventStoreAppendBenchmark } from './event-store-append.bench.ts';
import { eventStoreReadBenchmark } from './event-store-read.bench.ts';
import { graphqlThroughputBenchmark } from './graphql-throughput.bench.ts';
import type { Benchmark } from './harness.ts';
import { loadBenchmark } from './load.bench.ts';
import { memoryBenchmark } from './memory.bench.ts';
import { projectionRebuildBenchmark } from './projection-rebuild.bench.ts';
import { repliesBenchmark } from './replies.bench.ts';
import {
  type BenchReport,
  formatMarkdown,
  formatTable,
  machineInfo,
  mergedReport,
  toReportRow,
  writeReport,
} from './report.ts';
import { scaleAppendBenchmark } from './scale-append.bench.ts';
import { scaleListsBenchmark } from './scale-lists.bench.ts';
import { scaleRebuildBenchmark } from './scale-rebuild.bench.ts';
import { scaleRetrievalBenchmark } from './scale-retrieval.bench.ts';
import { subscriptionFanoutBenchmark } from './subscription-fanout.bench.ts';
import { trainingBenchmark } from './training.bench.ts';
import { ttsBenchmark } from './tts.bench.ts';

/**
 * Long, so only when named by their short name, the part before the colon (`npm run bench -- scale`,
 * `npm run bench -- call-real`, `npm run bench -- load`, `npm run bench -- bounded-memory`), never in the smoke
 * run: cost as data grows (seeding), a live call with the real-model kit's weights, minutes of load on
 * `bishop run` processes, and the extract worker's memory on a 1 GB export and a 3-hour recording.
 * `npm run bench -- call` runs the test-model call alone; `scale:retrieval` runs only the scale
 * benchmark whose name goes on with that word.
 */
export const namedOnlyBenchmarks: readonly Benchmark[] = [
  scaleAppendBenchmark,
  scaleRebuildBenchmark,
  scaleListsBenchmark,
  scaleRetrievalBenchmark,
  callRealBenchmark,
  loadBenchmark,
  memoryBenchmark,
];

/** Whether `part` (`group` or `group:word`) names a named-only benchmark. */
export function namesBenchmark(benchmark: Benchmark, part: string): boolean {
  const [group = '', word] = part.split(':');
  const [shortName = '', rest = ''] = benchmark.name.split(':');
  return group.includes(shortName) && (word === undefined || rest.toLowerCase().includes(word.toLowerCase()));
}

/** Add new benchmarks here; each creates and drops its own databases. */
export const benchmarks: readonly Benchmark[] = [
  eventStoreAppendBenchmark,
  eventStoreReadBenchmark,
  projectionRebuildBenchmark,
  busBenchmark,
  asrBenchmark,
  ttsBenchmark,
  graphqlThroughputBenchmark,
  subscriptionFanoutBenchmark,
  trainingBenchmark,
  repliesBenchmark,
  callBenchmark,
];

export interface RunOptions {
  readonly quick?: boolean;
  readonly serverUrl?: string;
  readonly log?: (message: string) => void;
  /** Run only the benchmarks whose name contains one of these. */
  readonly only?: readonly string[];
}

export async function runBenchmarks(options: RunOptions = {}): Promise<BenchReport> {
  const quick = options.quick ?? process.env.BISHOP_BENCH_QUICK === '1';
  const serverUrl = options.serverUrl ?? testDatabaseUrl;
  const log = options.log ?? ((message: string) => console.error(`[bench] ${message}`));
  const rows = [];
  const only = options.only ?? [];
  const selected = only.length
    ? [
        ...benchmarks.filter((b) => only.some((part) => b.name.includes(part))),
        ...namedOnlyBenchmarks.filter((b) => only.some((part) => namesBenchmark(b, part))),
      ]
    : benchmarks;
  for (const benchmark of selected) {
    log(benchmark.name);
    rows.push(...(await benchmark.run({ quick, serverUrl, log: (message) => log(`  ${message}`) })));
  }
  return {
    date: new Date().toISOString(),
    quick,
    anchor: '@event-driven-io/emmett-postgresql 0.42.0 on the same PostgreSQL server, same process, same run',
    machine: machineInfo(await serverVersion(serverUrl)),
    rows: rows.map(toReportRow),
  };
}

if (import.meta.main) {
  const started = performance.now();
  // `npm run bench -- asr` runs only matching benchmarks and leaves the recorded full results alone;
  // `npm run bench -- --merge asr` puts their new rows into the recorded results (marked as such).
  const args = process.argv.slice(2);
  const merge = args.includes('--merge');
  const only = args.filter((arg) => arg !== '--merge');
  const report = await runBenchmarks({ only });
  const directory = fileURLToPath(new URL('../../bench-results/', import.meta.url));
  if (only.length && !merge) {
    // A partial run prints its rounds and notes too (it writes no file), so its figures can be judged.
    console.log(formatMarkdown(report));
    process.exit(0);
  }
  console.log(formatTable(report.rows));
  const files = await writeReport(merge ? await mergedReport(directory, report, only) : report, directory);
  console.error(`[bench] done in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote ${files.join(', ')}`);
}
