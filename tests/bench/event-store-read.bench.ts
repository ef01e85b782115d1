import { runWriters, writerScripts } from './bench-events.ts';
import { withStorePair } from './bench-stores.ts';
import { alternate, type Benchmark, median, timed } from './harness.ts';

const PAGE_SIZE = 1000;
const SEED_WRITERS = 10;
const SEED_BATCH = 50;

/** Log size = writers × appends × batch: 50,000 events full, 2,500 quick. */
const SIZES = {
  full: { seedAppendsPerWriter: 100, warmups: 1, rounds: 5 },
  quick: { seedAppendsPerWriter: 5, warmups: 1, rounds: 3 },
};

export const eventStoreReadBenchmark: Benchmark = {
  name: 'event store $all catch-up read (PostgreSQL): Bishop adapter vs Emmett',
  run: (context) =>
    withStorePair(context.serverUrl, async ({ ours, emmett }) => {
      const sizes = context.quick ? SIZES.quick : SIZES.full;
      context.log(`seeding ${SEED_WRITERS * sizes.seedAppendsPerWriter * SEED_BATCH} events into each store`);
      for (const store of [ours, emmett]) {
        await runWriters(store, writerScripts(SEED_WRITERS, sizes.seedAppendsPerWriter, SEED_BATCH, 4));
        await store.vacuum();
      }
      const logSize = { ours: await ours.countEvents(), emmett: await emmett.countEvents() };
      context.log(`reading the whole log (${logSize.ours} events ours, ${logSize.emmett} Emmett)`);
      const samples = await alternate({
        warmups: sizes.warmups,
        rounds: sizes.rounds,
        anchor: () => timed(() => emmett.readAllFromStart(PAGE_SIZE)),
        ours: () => timed(() => ours.readAllFromStart(PAGE_SIZE)),
      });
      return [
        {
          benchmark: `$all catch-up read, pages of ${PAGE_SIZE}`,
          unit: 'events/s',
          anchor: median(samples.anchor),
          ours: median(samples.ours),
          anchorSamples: samples.anchor,
          oursSamples: samples.ours,
          note:
            `whole global log from the start, ${logSize.ours} events (ours) / ${logSize.emmett} (Emmett), ` +
            `~300 B JSON data + full metadata envelope each, tables VACUUM ANALYZEd first; ` +
            `ours: readAll({fromPosition, maxCount}); Emmett: readMessagesBatch(executor, {after, batchSize}), ` +
            'the exported function its consumers poll with (consumers add checkpointing and sleeps on top)',
        },
      ];
    }),
};
