import { runWriters, writerScripts } from './bench-events.ts';
import { type BenchStore, POOL_SIZE, withStorePair } from './bench-stores.ts';
import { alternate, type Benchmark, type BenchRow, median, type Sample, timed } from './harness.ts';

const WRITERS = 10;
const APPENDS_PER_STREAM = 10;
const BATCH_SIZE = 10;

/** Appends per writer per round, full and quick. */
const SIZES = {
  full: { single: 200, batched: 100, lone: 300, warmups: 2, rounds: 7 },
  quick: { single: 10, batched: 5, lone: 20, warmups: 1, rounds: 3 },
};

/** A fresh script per round (new streams every time), generated before the clock starts. */
function round(store: BenchStore, writers: number, appendsPerWriter: number, batchSize: number): () => Promise<Sample> {
  return () => {
    const scripts = writerScripts(writers, appendsPerWriter, batchSize, APPENDS_PER_STREAM);
    return timed(() => runWriters(store, scripts));
  };
}

export const eventStoreAppendBenchmark: Benchmark = {
  name: 'event store append (PostgreSQL): Bishop adapter vs Emmett',
  run: (context) =>
    withStorePair(context.serverUrl, async ({ ours, emmett }) => {
      const sizes = context.quick ? SIZES.quick : SIZES.full;
      const rows: BenchRow[] = [];
      for (const [writers, batchSize, appendsPerWriter] of [
        [WRITERS, 1, sizes.single],
        [WRITERS, BATCH_SIZE, sizes.batched],
        [1, 1, sizes.lone],
      ] as const) {
        const label = `${writers === 1 ? '1 writer' : `${writers} writers`}, ${batchSize === 1 ? 'single-event appends' : `${batchSize}-event batches`}`;
        context.log(`append: ${label}`);
        const samples = await alternate({
          warmups: sizes.warmups,
          rounds: sizes.rounds,
          anchor: round(emmett, writers, appendsPerWriter, batchSize),
          ours: round(ours, writers, appendsPerWriter, batchSize),
        });
        rows.push({
          benchmark: `append: ${label}`,
          unit: 'events/s',
          anchor: median(samples.anchor),
          ours: median(samples.ours),
          anchorSamples: samples.anchor,
          oursSamples: samples.ours,
          note:
            `${writers * appendsPerWriter} appends of ${batchSize} event(s) per round, ${writers === 1 ? 'one after another' : 'each writer on its own streams'} ` +
            `(a new stream every ${APPENDS_PER_STREAM} appends), expected-revision check on every append; ` +
            `ours: appendToStream(stream, events, {expectedRevision}); Emmett: appendToStream(stream, events, {expectedStreamVersion}); ` +
            `both pools ${POOL_SIZE} connections. ` +
            (writers === 1
              ? 'A lone writer: one round trip per append on both sides (ours: one plpgsql call, its revision check an inlined SQL function)'
              : 'What made the difference: ours coalesces the appends that arrive while one is on its way into one bishop_append_batch call ' +
                '(group commit: one round trip, one transaction, one WAL flush for up to ~10 appends, each still checked and failed on its own); ' +
                'Emmett makes one transaction per append'),
        });
      }
      return rows;
    }),
};
