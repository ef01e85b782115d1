import { randomUUID } from 'node:crypto';
import { eventCatalogue, isDomainEventType } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import {
  createCachingKeyStore,
  createColumnSealer,
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createReadStore,
  createSqlKeyStore,
} from '@bishop/infra';
import {
  migrateReadModels,
  personalColumns,
  type ReadModels,
  type ReadModelTable,
  readModelTables,
  rebuildReadModels,
} from '@bishop/projections';
import { type Kysely, sql } from 'kysely';
import { createBenchDatabase } from './bench-databases.ts';
import { alternate, type Benchmark, median, timed } from './harness.ts';
import { type HistorySizes, historyStreams } from './rebuild-history.ts';

const GOAL = 0.6;
const BATCH_SIZE = 2000;
/** The projector's writer keeps statements under this many bind parameters; the yardstick does the same. */
const MAX_PARAMETERS = 30_000;

/** Events = users × (4 + avatars × (12 + chats × (1 + 3 × messages))): ~21,000 full, ~600 quick. */
const SIZES = {
  full: { users: 20, avatars: 3, chats: 3, messages: 38, warmups: 1, rounds: 5 },
  quick: { users: 2, avatars: 2, chats: 2, messages: 12, warmups: 1, rounds: 3 },
};
type Sizes = HistorySizes;

export const projectionRebuildBenchmark: Benchmark = {
  name: 'read-model rebuild (PostgreSQL): projector vs a raw INSERT of the rows it writes',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const database = await createBenchDatabase(context.serverUrl, 'projections');
    const client = createPgSqlClient({ connectionString: database.url, maxConnections: 4 });
    const masterKey = new Uint8Array(32).fill(7);
    const keys = createCachingKeyStore(await createSqlKeyStore(client, { masterKey }));
    const eventStore = createPersonalDataEventStore(await createPostgresEventStore(client), keys, (type) =>
      isDomainEventType(type) ? eventCatalogue[type].personalFields : [],
    );
    // Sealed personal columns, as `bishop start` and `bishop projections rebuild` open the read store.
    const readStore = await createReadStore({
      kind: 'postgres',
      connectionString: database.url,
      maxConnections: 4,
      sealer: createColumnSealer(keys),
    });
    try {
      const events = await writeHistory(eventStore, sizes);
      context.log(`wrote ${events} events (personal fields encrypted); rebuilding ${sizes.rounds} times`);
      await rebuildReadModels({ eventStore, db: readStore.db, batchSize: BATCH_SIZE });
      // As stored (personal values sealed): the anchor writes the same bytes, it does not seal them itself.
      const rows = await readAllRows(readStore.db.withoutPlugins(), readStore.schema);
      const samples = await alternate({
        warmups: sizes.warmups,
        rounds: sizes.rounds,
        anchor: () => insertIntoFreshSchema(readStore.db, rows, events),
        ours: () =>
          timed(async () => (await rebuildReadModels({ eventStore, db: readStore.db, batchSize: BATCH_SIZE })).events),
      });
      const anchor = median(samples.anchor);
      const ours = median(samples.ours);
      const rowCount = Object.values(rows).reduce((sum, tableRows) => sum + tableRows.length, 0);
      return [
        {
          benchmark: 'read-model rebuild vs raw INSERT of the same rows',
          unit: 'events/s',
          anchor,
          ours,
          anchorSamples: samples.anchor,
          oursSamples: samples.ours,
          target: { text: `≥ ${GOAL}× the raw INSERT (${(ours / anchor).toFixed(2)}×)`, met: ours / anchor >= GOAL },
          note:
            `${events} events of users, avatars (materials, training runs, tests) and chats (messages, replies, dubs), ` +
            `written through the encrypting event store; ours: rebuildReadModels() = read $all through the decrypting ` +
            `store, seal personal read-model columns (AES-GCM, the avatar's key, a fresh nonce per value), project into a fresh schema in ${BATCH_SIZE}-event transactions, swap it in, drop the old one; ` +
            `anchor: multi-row INSERTs of the ${rowCount} rows that rebuild produces (personal values already sealed) into a freshly migrated schema, ` +
            `in multi-row INSERT … VALUES statements of ≤ ${MAX_PARAMETERS} parameters, counted as the same ${events} events. ` +
            "What made the difference: the projector sends each table's rows as one JSON parameter (json_populate_recordset: " +
            'no statement of thousands of bind parameters to compile, bind and plan; JSON.stringify on its fast path), and the rebuild ' +
            "drops the fresh schema's secondary indexes while replaying and builds each once at the end (time included). " +
            'Since read models are sealed (profiled: client CPU of decrypting, sealing and serialising, plus a lookup of every row ' +
            'a batch touches, then opening sealed values only to seal them again): the replay keeps the rows it wrote across batches, ' +
            'so it looks nothing up and opens nothing; with no lookup, each page is prepared (projected, sealed, serialised) while ' +
            'the page before is written, and the fresh schema is created while the first page is read; rows it knows are new go in ' +
            'as plain INSERTs; nonces come from a pool of random bytes (still a fresh random nonce per value); timestamps are ' +
            'turned into text before JSON.stringify (a Date took it off its fast path)',
        },
      ];
    } finally {
      await readStore.close();
      await eventStore.close();
      await client.close();
      await database.drop();
    }
  },
};

/** A realistic history, appended stream by stream; returns how many events it wrote. */
async function writeHistory(eventStore: EventStore, sizes: Sizes): Promise<number> {
  let count = 0;
  for (const { stream, events } of historyStreams(sizes)) {
    for (let start = 0; start < events.length; start += 500) {
      await eventStore.appendToStream(stream, events.slice(start, start + 500));
    }
    count += events.length;
  }
  return count;
}

type TableRows = Partial<Record<ReadModelTable, Record<string, unknown>[]>>;

async function readAllRows(db: Kysely<ReadModels>, schema: string): Promise<TableRows> {
  const rows: TableRows = {};
  for (const table of Object.keys(readModelTables) as ReadModelTable[]) {
    const stored: Record<string, unknown>[] = await db.withSchema(schema).selectFrom(table).selectAll().execute();
    rows[table] = stored.map((row) => asParameters(table, row));
  }
  return rows;
}

/** A sealed json value is a JSON string: as a parameter it goes as JSON text, as the driver sends objects. */
function asParameters(table: ReadModelTable, row: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...row };
  for (const [column, kind] of Object.entries(personalColumns[table]?.columns ?? {})) {
    if (kind === 'json' && typeof copy[column] === 'string') copy[column] = JSON.stringify(copy[column]);
  }
  return copy;
}

/** The yardstick: the rows alone, inserted the way the projector writes them, into empty tables. */
async function insertIntoFreshSchema(db: Kysely<ReadModels>, rows: TableRows, events: number) {
  const schema = `raw_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await migrateReadModels(db, schema);
  try {
    return await timed(async () => {
      for (const [table, tableRows = []] of Object.entries(rows) as [ReadModelTable, Record<string, unknown>[]][]) {
        const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(tableRows[0] ?? {}).length)));
        for (let start = 0; start < tableRows.length; start += size) {
          // biome-ignore lint/suspicious/noExplicitAny: rows of every table go through one loop
          await (db.withSchema(schema) as Kysely<any>)
            .insertInto(table)
            .values(tableRows.slice(start, start + size))
            .execute();
        }
      }
      return events;
    });
  } finally {
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
  }
}
