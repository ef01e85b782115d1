import { createPgSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import { createBenchDatabase } from './bench-databases.ts';
import { writerScript } from './bench-events.ts';
import { type Benchmark, type BenchRow, percentile } from './harness.ts';
import { scaleLatencyRow } from './scale-growth.ts';

/*
 * How append latency grows with the events already stored: the log is filled
 * to each size server-side (INSERT … SELECT over generate_series, 20,000
 * rows a transaction: no client round trip per row, as fast as COPY for generated
 * data), then one writer makes single-event appends with an expected-revision
 * check, each timed. The seeded keys ascend (event ids and stream names made from
 * the row number), so each of the log's indexes grows at its right edge: random
 * event ids made every seeded row a random leaf write, and 10⁷ events took tens of
 * minutes. The indexes end up as large and as deep either way; the timed appends use
 * random ids as Bishop does. BISHOP_BENCH_SCALE_MAX caps the sizes (e.g. 1000000).
 */

const APPENDS = { full: 400, quick: 40 };
const SIZES = { full: [100_000, 1_000_000, 10_000_000], quick: [1_000, 10_000, 100_000] };
// Small transactions: a long one holds back pg_snapshot_xmin for the whole server, and every $all reader
// on it (this store's and any other database's) waits until it commits. (So no index is dropped and
// built again afterwards either: that build would be one transaction of minutes.)
const SEED_CHUNK = 20_000;

function sizesOf(quick: boolean): number[] {
  const max = Number(process.env.BISHOP_BENCH_SCALE_MAX ?? Number.POSITIVE_INFINITY);
  return (quick ? SIZES.quick : SIZES.full).filter((size) => size <= max);
}

/** Fills the log up to `size` events: 10 events a stream, ~300 B of data and a full envelope each. */
async function seedTo(sql: SqlClient, size: number): Promise<void> {
  const [row] = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM bishop.bishop_events');
  for (let from = Number(row?.n ?? 0); from < size; from += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, size - from);
    await sql.query(
      `INSERT INTO bishop.bishop_events (position, xid, stream_name, revision, event_id, type, data, metadata)
       SELECT nextval('bishop.bishop_events_position_seq'), pg_current_xact_id(), 'seed-' || lpad((i / 10)::text, 12, '0'),
              i % 10, id, 'MessageSent',
              jsonb_build_object('chatId', md5(i::text), 'messageId', gen_random_uuid(), 'authorId', md5((i / 10)::text),
                'text', 'Sure, I can be there by seven. Could you bring the spare keys?', 'language', 'en',
                'sentAt', now(), 'replyTo', null, 'attachments', '[]'::jsonb),
              jsonb_build_object('eventId', id, 'commandId', gen_random_uuid(), 'actorId', 'user:seed',
                'schemaVersion', 1, 'occurredAt', now(), 'dataSubject', 'chat-' || md5(i::text))
         FROM generate_series($1::bigint, $2::bigint) AS i,
              LATERAL (SELECT lpad(to_hex(i), 32, '0')::uuid AS id) AS seeded`,
      [from, from + count - 1],
    );
  }
  await sql.query('ANALYZE bishop.bishop_events');
}

export const scaleAppendBenchmark: Benchmark = {
  name: 'scale: append latency as the event log grows',
  async run(context) {
    const database = await createBenchDatabase(context.serverUrl, 'scale');
    const sql = createPgSqlClient({ connectionString: database.url, maxConnections: 4 });
    const store = await createPostgresEventStore(sql);
    const rows: BenchRow[] = [];
    try {
      const p99s: number[] = [];
      for (const size of sizesOf(context.quick)) {
        const seeding = performance.now();
        await seedTo(sql, size);
        const seedSeconds = (performance.now() - seeding) / 1000;
        context.log(`${size} events stored (seeded in ${seedSeconds.toFixed(0)} s); appending`);
        const script = writerScript(context.quick ? APPENDS.quick : APPENDS.full, 1, 10);
        const latencies: number[] = [];
        let expected: bigint | undefined;
        for (const [i, batch] of script.batches.entries()) {
          if (i % script.appendsPerStream === 0) expected = undefined;
          const stream = script.streams[Math.floor(i / script.appendsPerStream)] ?? 'chat-missing';
          const started = performance.now();
          expected = (await store.appendToStream(stream, batch, { expectedRevision: expected ?? 'noStream' }))
            .nextRevision;
          latencies.push(performance.now() - started);
        }
        p99s.push(percentile(latencies, 0.99));
        rows.push(
          scaleLatencyRow({
            benchmark: `scale: append latency with ${size.toLocaleString('en-US')} events stored, p50 / p99`,
            latencies,
            sizes: sizesOf(context.quick),
            p99s,
            // Flat is the goal (the index depth grows with log n): at most 2× the p99 at 10× the events.
            meets: (growth) => growth.exponent <= 0.3,
            note:
              `one writer, ${latencies.length} single-event appends with an expected-revision check (a new stream every 10), ` +
              `each timed; the log seeded server-side (ascending keys) to ${size} events in ${seedSeconds.toFixed(0)} s`,
          }),
        );
      }
      return rows;
    } finally {
      await store.close();
      await sql.close();
      await database.drop();
    }
  },
};
