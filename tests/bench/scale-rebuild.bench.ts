import { eventCatalogue, isDomainEventType } from '@bishop/domain';
import type { NewEvent } from '@bishop/domain/ports';
import {
  createCachingKeyStore,
  createColumnSealer,
  createPersonalDataCodec,
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createReadStore,
  createSqlKeyStore,
  type SqlClient,
} from '@bishop/infra';
import { rebuildReadModels } from '@bishop/projections';
import { createBenchDatabase } from './bench-databases.ts';
import { type Benchmark, type BenchRow, median } from './harness.ts';
import { eventsPerUser, historyStreams } from './rebuild-history.ts';

/*
 * How a read-model rebuild grows with the log: the same realistic history as the
 * rebuild row (users, avatars, chats; personal fields encrypted with each subject's
 * key), grown to each size, then `rebuildReadModels()` with sealed read models, timed.
 * Seeding encrypts client-side and writes thousands of events a statement straight
 * into the log (one JSON parameter each), not append by append.
 */

const SHAPE = { avatars: 3, chats: 3, messages: 38 };
const SIZES = { full: [10_000, 100_000, 1_000_000], quick: [1_000, 3_000, 10_000] };
const SEED_ROWS_PER_STATEMENT = 5_000;

/** Appends users' histories until the log holds about `size` events; returns how many it holds. */
async function seedTo(
  sql: SqlClient,
  codec: ReturnType<typeof createPersonalDataCodec>,
  stored: number,
  size: number,
): Promise<number> {
  const users = Math.max(1, Math.round((size - stored) / eventsPerUser(SHAPE)));
  let pending: {
    stream_name: string;
    revision: number;
    event_id: string;
    type: string;
    data: unknown;
    metadata: unknown;
  }[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = JSON.stringify(pending);
    pending = [];
    await sql.query(
      `INSERT INTO bishop.bishop_events (position, xid, stream_name, revision, event_id, type, data, metadata)
       SELECT nextval('bishop.bishop_events_position_seq'), pg_current_xact_id(),
              r.stream_name, r.revision, r.event_id, r.type, r.data, r.metadata
         FROM jsonb_to_recordset($1::jsonb)
           AS r(stream_name text, revision bigint, event_id uuid, type text, data jsonb, metadata jsonb)`,
      [rows],
    );
  };
  let count = stored;
  for (const { stream, events } of historyStreams({ users, ...SHAPE })) {
    const sealed: NewEvent[] = await Promise.all(events.map((event) => codec.seal(event)));
    for (const [revision, event] of sealed.entries()) {
      pending.push({
        stream_name: stream,
        revision,
        event_id: event.metadata.eventId,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      });
    }
    count += events.length;
    if (pending.length >= SEED_ROWS_PER_STATEMENT) await flush();
  }
  await flush();
  await sql.query('ANALYZE bishop.bishop_events');
  return count;
}

/**
 * How the time grows against the events: the exponent k of t ∝ nᵏ between the two largest sizes
 * so far (the smallest is mostly a rebuild's fixed part), and over the whole range.
 */
function growthLine(sizes: readonly number[], seconds: readonly number[]): { text: string; met: boolean } {
  const exponent = (from: number, to: number) =>
    Math.log((seconds[to] ?? 1) / (seconds[from] ?? 1)) / Math.log((sizes[to] ?? 1) / (sizes[from] ?? 1));
  const last = sizes.length - 1;
  const k = exponent(last - 1, last);
  const word = k < 0.9 ? 'sub-linear' : k <= 1.1 ? 'linear' : 'worse than linear';
  return {
    text: `${word}: time ∝ events^${k.toFixed(2)} from ${sizes[last - 1]} to ${sizes[last]} events (^${exponent(0, last).toFixed(2)} from ${sizes[0]})`,
    met: k <= 1.1,
  };
}

export const scaleRebuildBenchmark: Benchmark = {
  name: 'scale: read-model rebuild time as the event log grows',
  async run(context) {
    const database = await createBenchDatabase(context.serverUrl, 'scale_rebuild');
    const client = createPgSqlClient({ connectionString: database.url, maxConnections: 4 });
    const keys = createCachingKeyStore(await createSqlKeyStore(client, { masterKey: new Uint8Array(32).fill(7) }));
    const personalFieldsOf = (type: string) => (isDomainEventType(type) ? eventCatalogue[type].personalFields : []);
    const codec = createPersonalDataCodec(keys, personalFieldsOf);
    const eventStore = createPersonalDataEventStore(await createPostgresEventStore(client), keys, personalFieldsOf);
    const readStore = await createReadStore({
      kind: 'postgres',
      connectionString: database.url,
      maxConnections: 4,
      sealer: createColumnSealer(keys),
    });
    const rows: BenchRow[] = [];
    try {
      const sizes: number[] = [];
      const seconds: number[] = [];
      let stored = 0;
      for (const size of context.quick ? SIZES.quick : SIZES.full) {
        const seeding = performance.now();
        stored = await seedTo(client, codec, stored, size);
        const seedSeconds = (performance.now() - seeding) / 1000;
        // Three rebuilds where they are quick, one at the largest size.
        const rounds = size <= 100_000 ? 3 : 1;
        context.log(`${stored} events stored (seeded in ${seedSeconds.toFixed(0)} s); rebuilding ${rounds}×`);
        const samples: number[] = [];
        for (let round = 0; round < rounds; round++) {
          const result = await rebuildReadModels({ eventStore, db: readStore.db, schema: readStore.schema });
          samples.push(result.seconds);
        }
        const time = median(samples);
        sizes.push(stored);
        seconds.push(time);
        const growth = sizes.length > 1 ? growthLine(sizes, seconds) : undefined;
        rows.push({
          benchmark: `scale: read-model rebuild of ${size.toLocaleString('en-US')} events`,
          unit: 's',
          anchor: Number.NaN,
          ours: time,
          anchorSamples: [],
          oursSamples: samples,
          target: {
            text: `${Math.round(stored / time)} events/s; ${growth?.text ?? 'the baseline size'}`,
            met: growth?.met ?? true,
          },
          note:
            `${stored} events of users, avatars and chats (personal fields encrypted), seeded in ${seedSeconds.toFixed(0)} s; ` +
            `rebuildReadModels() into a fresh schema with sealed personal columns, swapped in; ` +
            `samples are the rebuilds' seconds (${rounds} at this size); a rebuild has a fixed part (fresh schema, ` +
            'index builds, swap, dropping the old tables) that weighs most at the smallest size',
        });
      }
      return rows;
    } finally {
      await readStore.close();
      await eventStore.close();
      await client.close();
      await database.drop();
    }
  },
};
