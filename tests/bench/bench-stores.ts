import type { EventStore, NewEvent } from '@bishop/domain/ports';
import { createPgSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import type { Event } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { createBenchDatabase } from './bench-databases.ts';

/** Connections each store may open for its work (both get the same, as 10 writers run at once). */
export const POOL_SIZE = 10;

/** The operations the event-store benchmarks drive, over either store. */
export interface BenchStore {
  readonly label: 'ours' | 'emmett';
  /** Appends with optimistic concurrency; `expected` is undefined for a new stream, else what the last append returned. */
  append(stream: string, events: readonly NewEvent[], expected: bigint | undefined): Promise<bigint>;
  /** Reads the whole global log from the start in pages of `pageSize`; returns how many events it read. */
  readAllFromStart(pageSize: number): Promise<number>;
  countEvents(): Promise<number>;
  /** VACUUM ANALYZE the event tables, so both stores are read in the same state. */
  vacuum(): Promise<void>;
  close(): Promise<void>;
}

/*
 * Emmett's connection layer (dumbo) replaces the process-wide `pg` type parsers
 * for int8, json and jsonb (JSON.parse with a reviver) the first time a store is
 * created. Our adapter never runs with them in production, so each store's
 * operations run under its own parsers: pg's defaults for ours, dumbo's for Emmett.
 */
const PARSED_TYPES = [20, 114, 3802] as const;
type Parsers = Map<number, (value: string) => unknown>;
const snapshotParsers = (): Parsers => new Map(PARSED_TYPES.map((oid) => [oid, pg.types.getTypeParser(oid, 'text')]));
const pgDefaultParsers = snapshotParsers();
let emmettParsers: Parsers | undefined;
function useParsers(parsers: Parsers): void {
  for (const [oid, parse] of parsers) pg.types.setTypeParser(oid, parse);
}

export async function openOurStore(url: string): Promise<BenchStore> {
  const schema = 'bishop';
  const sql: SqlClient = createPgSqlClient({ connectionString: url, maxConnections: POOL_SIZE });
  useParsers(pgDefaultParsers);
  const store: EventStore = await createPostgresEventStore(sql, { schema });
  return {
    label: 'ours',
    async append(stream, events, expected) {
      useParsers(pgDefaultParsers);
      const result = await store.appendToStream(stream, events, { expectedRevision: expected ?? 'noStream' });
      return result.nextRevision;
    },
    async readAllFromStart(pageSize) {
      useParsers(pgDefaultParsers);
      let read = 0;
      let fromPosition: bigint | undefined;
      for (;;) {
        const page = await store.readAll({
          maxCount: pageSize,
          ...(fromPosition === undefined ? {} : { fromPosition }),
        });
        read += page.length;
        const last = page.at(-1);
        if (page.length < pageSize || !last) return read;
        fromPosition = last.position;
      }
    },
    async countEvents() {
      const [row] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${schema}".bishop_events`);
      return Number(row?.n ?? 0);
    },
    async vacuum() {
      await sql.query(`VACUUM ANALYZE "${schema}".bishop_events`);
    },
    async close() {
      await store.close();
      await sql.close();
    },
  };
}

type EmmettEvent = Event<string, Record<string, unknown>, Record<string, unknown>>;
type EmmettExecutor = Parameters<typeof readMessagesBatch>[0];

function toEmmettEvent(event: NewEvent): EmmettEvent {
  const { eventId, ...envelope } = event.metadata;
  // Emmett keeps `messageId` in its own column; the rest of our envelope travels as its metadata.
  return { type: event.type, data: event.data, metadata: { messageId: eventId, ...envelope } };
}

export async function openEmmettStore(url: string): Promise<BenchStore> {
  // We hand Emmett the pg.Pool so both stores get the same pool size.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  if (!emmettParsers) emmettParsers = snapshotParsers();
  useParsers(emmettParsers);
  const parsers = emmettParsers;
  await store.schema.migrate();
  // readMessagesBatch takes dumbo's SQLExecutor; this is what dumbo's pool executor does (acquire, query, release).
  const runQuery = async (text: string) => {
    const result = await pool.query(text);
    return { rowCount: result.rowCount, rows: result.rows };
  };
  const executor = {
    query: runQuery,
    command: runQuery,
    batchQuery: (texts: string[]) => Promise.all(texts.map(runQuery)),
    batchCommand: (texts: string[]) => Promise.all(texts.map(runQuery)),
  } as unknown as EmmettExecutor;
  return {
    label: 'emmett',
    async append(stream, events, expected) {
      useParsers(parsers);
      // 0n is Emmett's "new stream" version: its append inserts the stream row and fails if it exists.
      const result = await store.appendToStream(stream, events.map(toEmmettEvent), {
        expectedStreamVersion: expected ?? 0n,
      });
      return result.nextExpectedStreamVersion;
    },
    async readAllFromStart(pageSize) {
      useParsers(parsers);
      let read = 0;
      let after = 0n;
      for (;;) {
        const batch = await readMessagesBatch(executor, { after, batchSize: pageSize });
        read += batch.messages.length;
        if (!batch.areMessagesLeft) return read;
        after = batch.currentGlobalPosition;
      }
    },
    async countEvents() {
      const result = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM emt_messages');
      return Number(result.rows[0]?.n ?? 0);
    },
    async vacuum() {
      await pool.query('VACUUM ANALYZE emt_messages');
      await pool.query('VACUUM ANALYZE emt_streams');
    },
    async close() {
      await store.close();
      await pool.end();
      useParsers(pgDefaultParsers);
    },
  };
}

/** Runs `work` on our store and Emmett's, each in a fresh database of its own on the same server, then drops both. */
export async function withStorePair<T>(
  serverUrl: string,
  work: (stores: { ours: BenchStore; emmett: BenchStore }) => Promise<T>,
): Promise<T> {
  const oursDb = await createBenchDatabase(serverUrl, 'ours');
  const emmettDb = await createBenchDatabase(serverUrl, 'emmett');
  const opened: BenchStore[] = [];
  try {
    const ours = await openOurStore(oursDb.url);
    opened.push(ours);
    const emmett = await openEmmettStore(emmettDb.url);
    opened.push(emmett);
    return await work({ ours, emmett });
  } finally {
    for (const store of opened) await store.close().catch(() => {});
    await oursDb.drop();
    await emmettDb.drop();
  }
}
