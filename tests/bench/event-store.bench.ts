import { type WriterScript, writerScript } from './bench-events.ts';
import { createBenchDatabase } from './bench-databases.ts';
import { type BenchStore, openEmmettStore, openOurStore, POOL_SIZE } from './bench-stores.ts';
import { alternate, type Benchmark, type BenchContext, type BenchRow, median, type Sample, timed } from './harness.ts';

interface Sizes {
  readonly writers: number;
  readonly singleAppendsPerWriter: number;
  readonly batchAppendsPerWriter: number;
  readonly batchSize: number;
  readonly appendsPerStream: number;
  readonly readTarget: number;
  readonly pageSize: number;
  readonly warmups: number;
  readonly rounds: number;
}

const FULL: Sizes = {
  writers: 10,
  singleAppendsPerWriter: 200,
  batchAppendsPerWriter: 100,
  batchSize: 10,
  appendsPerStream: 10,
  readTarget: 50_000,
  pageSize: 1000,
  warmups: 1,
  rounds: 5,
};

const QUICK: Sizes = {
  ...FULL,
  singleAppendsPerWriter: 10,
  batchAppendsPerWriter: 5,
  readTarget: 2_500,
  rounds: 3,
};

/** Every writer runs its script sequentially; the writers run concurrently. Returns events written. */
async function runWriters(store: BenchStore, scripts: readonly WriterScript[]): Promise<number> {
  const written = await Promise.all(
    scripts.map(async (script) => {
      let expected: bigint | undefined;
      let events = 0;
      for (const [i, batch] of script.batches.entries()) {
        const stream = script.streams[Math.floor(i / script.appendsPerStream)] ?? 'chat-missing';
        if (i % script.appendsPerStream === 0) expected = undefined;
        expected = await store.append(stream, batch, expected);
        events += batch.length;
      }
      return events;
    }),
  );
  return written.reduce((a, b) => a + b, 0);
}

/** A fresh script per round (new streams every time), generated before the clock starts. */
function appendRound(store: BenchStore, sizes: Sizes, appendsPerWriter: number, batchSize: number) {
  return async (): Promise<Sample> => {
    const scripts = Array.from({ length: sizes.writers }, () =>
      writerScript(appendsPerWriter, batchSize, sizes.appendsPerStream),
    );
    return timed(() => runWriters(store, scripts));
  };
}

async function seedTo(store: BenchStore, target: number, sizes: Sizes): Promise<void> {
  const missing = target - (await store.countEvents());
  if (missing <= 0) return;
  const batchSize = 50;
  const appendsPerWriter = Math.ceil(missing / batchSize / sizes.writers);
  await runWriters(
    store,
    Array.from({ length: sizes.writers }, () => writerScript(appendsPerWriter, batchSize, 4)),
  );
}

function row(benchmark: string, note: string, samples: { anchor: number[]; ours: number[] }): BenchRow {
  return {
    benchmark,
    unit: 'events/s',
    anchor: median(samples.anchor),
    ours: median(samples.ours),
    anchorSamples: samples.anchor,
    oursSamples: samples.ours,
    note,
  };
}

async function measure(context: BenchContext, ours: BenchStore, emmett: BenchStore, sizes: Sizes): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { writers, appendsPerStream } = sizes;
  const pools = `pool ${POOL_SIZE} connections each`;

  context.log(`append, ${writers} writers, single-event appends`);
  const single = await alternate({
    warmups: sizes.warmups,
    rounds: sizes.rounds,
    anchor: appendRound(emmett, sizes, sizes.singleAppendsPerWriter, 1),
    ours: appendRound(ours, sizes, sizes.singleAppendsPerWriter, 1),
  });
  rows.push(
    row(
      `append: ${writers} writers, 1-event appends`,
      `${writers * sizes.singleAppendsPerWriter} appends/round, new stream every ${appendsPerStream} appends, expected-revision checks on; ${pools}`,
      single,
    ),
  );

  context.log(`append, ${writers} writers, ${sizes.batchSize}-event batches`);
  const batched = await alternate({
    warmups: sizes.warmups,
    rounds: sizes.rounds,
    anchor: appendRound(emmett, sizes, sizes.batchAppendsPerWriter, sizes.batchSize),
    ours: appendRound(ours, sizes, sizes.batchAppendsPerWriter, sizes.batchSize),
  });
  rows.push(
    row(
      `append: ${writers} writers, ${sizes.batchSize}-event batches`,
      `${writers * sizes.batchAppendsPerWriter} appends × ${sizes.batchSize} events/round, new stream every ${appendsPerStream} appends; ${pools}`,
      batched,
    ),
  );

  context.log(`$all catch-up read: seeding to ≥ ${sizes.readTarget} events`);
  await seedTo(ours, sizes.readTarget, sizes);
  await seedTo(emmett, sizes.readTarget, sizes);
  await ours.vacuum();
  await emmett.vacuum();
  const logSize = { ours: await ours.countEvents(), emmett: await emmett.countEvents() };
  context.log(`$all catch-up read of ${logSize.ours} (ours) / ${logSize.emmett} (emmett) events`);
  const read = await alternate({
    warmups: sizes.warmups,
    rounds: sizes.rounds,
    anchor: () => timed(() => emmett.readAllFromStart(sizes.pageSize)),
    ours: () => timed(() => ours.readAllFromStart(sizes.pageSize)),
  });
  rows.push(
    row(
      `$all catch-up read, pages of ${sizes.pageSize}`,
      `whole log from the start (${logSize.ours} events ours, ${logSize.emmett} Emmett); ours: readAll({fromPosition, maxCount}); Emmett: readMessagesBatch({after, batchSize}), the exported function its consumers poll with`,
      read,
    ),
  );
  return rows;
}

export const eventStoreBenchmark: Benchmark = {
  name: 'event store (PostgreSQL): Bishop adapter vs Emmett 0.42',
  async run(context) {
    const sizes = context.quick ? QUICK : FULL;
    const oursDb = await createBenchDatabase(context.serverUrl, 'ours');
    const emmettDb = await createBenchDatabase(context.serverUrl, 'emmett');
    const opened: BenchStore[] = [];
    try {
      const ours = await openOurStore(oursDb.url);
      opened.push(ours);
      const emmett = await openEmmettStore(emmettDb.url);
      opened.push(emmett);
      return await measure(context, ours, emmett, sizes);
    } finally {
      for (const store of opened) await store.close().catch(() => {});
      await oursDb.drop();
      await emmettDb.drop();
    }
  },
};
