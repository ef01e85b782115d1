import { randomUUID } from 'node:crypto';
import type { Bus, EventStore } from '@bishop/domain/ports';
import { createRelay } from '@bishop/gateways';
import {
  createInProcessBus,
  createNatsBus,
  createPgliteSqlClient,
  createPgSqlClient,
  createPostgresEventStore,
  type SqlClient,
} from '@bishop/infra';
import { runBusWorker } from '@bishop/ml-workers';
import { testNatsUrl } from '../contract/bus.contract.ts';
import { waitFor } from '../src/async.ts';
import { newEvent } from '../src/event-fixtures.ts';
import { createBenchDatabase } from './bench-databases.ts';
import type { BenchContext, Benchmark, BenchRow } from './harness.ts';
import { median, percentile } from './harness.ts';

const SIZES = {
  full: { relayEvents: 5000, latencyEvents: 300, rounds: 5 },
  quick: { relayEvents: 100, latencyEvents: 10, rounds: 3 },
};
const RELAY_GOAL = 1000; // events/s
const P50_GOAL_MS = 20;
const P99_GOAL_MS = 50;
/** Gap between appends while measuring latency, so queueing does not count as latency. */
const LATENCY_SPACING_MS = 5;

interface Rig {
  readonly label: string;
  readonly store: EventStore;
  readonly bus: Bus;
  readonly root: string;
  close(): Promise<void>;
}

/** NATS JetStream with the PostgreSQL event store on the bench server (the distributed setup). */
async function natsRig(serverUrl: string): Promise<Rig> {
  const database = await createBenchDatabase(serverUrl, 'bus');
  const sql = createPgSqlClient({ connectionString: database.url });
  const store = await createPostgresEventStore(sql);
  const root = `bench${randomUUID().slice(0, 8)}`;
  const bus = await createNatsBus({ servers: testNatsUrl, streamName: root.toUpperCase(), subjectRoot: root });
  return {
    label: 'NATS JetStream, PostgreSQL event store',
    store,
    bus,
    root,
    async close() {
      await bus.deleteTopology();
      await bus.close();
      await store.close();
      await sql.close();
      await database.drop();
    },
  };
}

/** The in-process bus and the event store on one PGlite (the `bishop start` setup). */
async function inProcessRig(): Promise<Rig> {
  const sql: SqlClient = await createPgliteSqlClient();
  const store = await createPostgresEventStore(sql);
  const bus = await createInProcessBus({ sql });
  return {
    label: 'in-process bus, PGlite event store',
    store,
    bus,
    root: 'bishop',
    async close() {
      await bus.close();
      await store.close();
      await sql.close();
    },
  };
}

async function appendJobs(store: EventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, n) => newEvent('BenchJob', { n: i + n }));
    await store.appendToStream(`avatar-${randomUUID()}`, batch);
  }
}

/** Per round: events appended while the relay is stopped, then the time for a started relay to publish them all. */
async function relayThroughput(rig: Rig, events: number, rounds: number): Promise<number[]> {
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await appendJobs(rig.store, events);
    const head = await rig.store.headPosition();
    const relay = createRelay({ eventStore: rig.store, bus: rig.bus, subjectRoot: rig.root });
    const started = performance.now();
    await relay.start();
    await waitFor(() => relay.publishedPosition() >= head, 120_000, 1);
    rates.push((events * 1000) / (performance.now() - started));
    await relay.stop();
  }
  return rates;
}

/** Per round: append one event at a time, measure append → worker handler; returns [p50, p99] per round. */
async function endToEndLatency(rig: Rig, events: number, rounds: number): Promise<{ p50: number[]; p99: number[] }> {
  const relay = createRelay({ eventStore: rig.store, bus: rig.bus, subjectRoot: rig.root });
  await relay.start();
  const appendedAt = new Map<string, number>();
  const latencies: number[] = [];
  const worker = runBusWorker({
    bus: rig.bus,
    durable: `bench-${randomUUID().slice(0, 8)}`,
    subjects: [`${rig.root}.avatar.BenchLatency`],
    concurrency: 4,
    ackWaitMs: 30_000,
    maxDeliver: 3,
    handle: async (job) => {
      const start = appendedAt.get(job.metadata.eventId);
      if (start !== undefined) latencies.push(performance.now() - start);
    },
    onGiveUp: async () => {},
  });
  const result = { p50: [] as number[], p99: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      latencies.length = 0;
      for (let i = 0; i < events; i++) {
        const event = newEvent('BenchLatency', { i });
        appendedAt.set(event.metadata.eventId, performance.now());
        await rig.store.appendToStream(`avatar-${randomUUID()}`, [event]);
        await new Promise((resolve) => setTimeout(resolve, LATENCY_SPACING_MS));
      }
      await waitFor(() => latencies.length >= events, 60_000);
      result.p50.push(percentile(latencies, 0.5));
      result.p99.push(percentile(latencies, 0.99));
    }
  } finally {
    await worker.stop();
    await relay.stop();
  }
  return result;
}

/** A figure with no anchor: it is judged against its own goal. */
function goalRow(
  benchmark: string,
  unit: string,
  samples: number[],
  goal: string,
  met: (value: number) => boolean,
  note: string,
): BenchRow {
  const value = median(samples);
  return {
    benchmark,
    unit,
    anchor: Number.NaN,
    ours: value,
    anchorSamples: [],
    oursSamples: samples,
    target: { text: goal, met: met(value) },
    note,
  };
}

async function measure(rig: Rig, context: BenchContext): Promise<BenchRow[]> {
  const sizes = context.quick ? SIZES.quick : SIZES.full;
  context.log(`${rig.label}: relay throughput, ${sizes.relayEvents} events per round`);
  const rates = await relayThroughput(rig, sizes.relayEvents, sizes.rounds);
  context.log(`${rig.label}: append → worker latency, ${sizes.latencyEvents} events per round`);
  const latency = await endToEndLatency(rig, sizes.latencyEvents, sizes.rounds);
  const how = `${rig.label}, ${sizes.rounds} rounds, median of rounds`;
  return [
    goalRow(
      `relay throughput (${rig.label})`,
      'events/s',
      rates,
      `≥ ${RELAY_GOAL} events/s`,
      (v) => v >= RELAY_GOAL,
      `${how}; ${sizes.relayEvents} events appended (batches of 50) while the relay is stopped, then timed from relay.start() until every one is confirmed on the bus`,
    ),
    goalRow(
      `append → worker p50 (${rig.label})`,
      'ms',
      latency.p50,
      `p50 < ${P50_GOAL_MS} ms`,
      (v) => v < P50_GOAL_MS,
      `${how}; ${sizes.latencyEvents} single-event appends ${LATENCY_SPACING_MS} ms apart, from before appendToStream to the worker's handler (relay → bus → runWorker, concurrency 4)`,
    ),
    goalRow(
      `append → worker p99 (${rig.label})`,
      'ms',
      latency.p99,
      `p99 < ${P99_GOAL_MS} ms`,
      (v) => v < P99_GOAL_MS,
      `${how}; same runs as p50`,
    ),
  ];
}

export const busBenchmark: Benchmark = {
  name: 'bus: relay throughput and append → worker latency (NATS JetStream, in-process)',
  async run(context) {
    const rows: BenchRow[] = [];
    for (const open of [() => natsRig(context.serverUrl), () => inProcessRig()]) {
      const rig = await open();
      try {
        rows.push(...(await measure(rig, context)));
      } finally {
        await rig.close();
      }
    }
    return rows;
  },
};
