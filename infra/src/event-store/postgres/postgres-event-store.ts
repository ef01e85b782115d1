import {
  type AppendResult,
  DEFAULT_READ_ALL_COUNT,
  type EventFilter,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  RevisionConflictError,
} from '@bishop/domain/ports';
import { type SqlClient, sqlIdentifier } from '../../sql/sql-client.ts';
import { createPollingSubscription } from '../polling-subscription.ts';
import { WakeSignal } from '../wake-signal.ts';
import { eventStoreSchemaSql, REVISION_CONFLICT_SQLSTATE } from './event-store-schema.ts';

export interface PostgresEventStoreOptions {
  /** PostgreSQL schema holding the event tables (default `bishop`). */
  readonly schema?: string;
  /** Rows per `$all` read while catching up. */
  readonly batchSize?: number;
  /** Longest a live subscription waits before looking again without a wake-up. */
  readonly idlePollMs?: number;
}

interface EventRow {
  position: string | bigint;
  stream_name: string;
  revision: string | bigint;
  type: string;
  data: RecordedEvent['data'];
  metadata: EventMetadata;
  recorded_at: Date | string;
}

const EVENT_COLUMNS = 'position, stream_name, revision, type, data, metadata, recorded_at';

/**
 * EventStore on PostgreSQL (server or PGlite). See event-store-schema.ts for
 * how `$all` stays gap-free under concurrent writers.
 */
export async function createPostgresEventStore(
  sql: SqlClient,
  options: PostgresEventStoreOptions = {},
): Promise<EventStore> {
  const schemaName = options.schema ?? 'bishop';
  const s = sqlIdentifier(schemaName);
  const batchSize = options.batchSize ?? DEFAULT_READ_ALL_COUNT;
  const channel = `bishop_events_${schemaName}`;
  const wake = new WakeSignal();

  await migrate(sql, schemaName);
  // Other processes append too when on a server: their commits wake us via NOTIFY.
  const unlisten = sql.shared ? await sql.listen(channel, () => wake.notify()) : async () => {};
  const announce = debounceNotify(sql, channel);

  async function appendToStream(
    stream: string,
    events: readonly NewEvent[],
    appendOptions: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = appendOptions.expectedRevision ?? 'any';
    try {
      const [row] = await sql.query<{ next_revision: string | bigint; last_position: string | bigint }>(
        `SELECT next_revision, last_position FROM ${s}.bishop_append($1, $2, $3, $4, $5, $6)`,
        [
          stream,
          expectedRevisionSql(expected),
          events.map((e) => e.metadata.eventId),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      );
      if (!row) throw new Error(`bishop_append returned no row for ${stream}`);
      if (events.length > 0) {
        wake.notify();
        announce();
      }
      return { nextRevision: BigInt(row.next_revision), position: BigInt(row.last_position) };
    } catch (error) {
      throw asRevisionConflict(error, stream, expected);
    }
  }

  async function readStream(stream: string, readOptions: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = readOptions.direction === 'backwards';
    const from = readOptions.fromRevision;
    const rows = await sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.bishop_events
        WHERE stream_name = $1
          AND revision >= coalesce((SELECT truncate_before FROM ${s}.bishop_stream_deletions WHERE stream_name = $1), 0)
          AND ($2::bigint IS NULL OR revision ${backwards ? '<=' : '>='} $2::bigint)
        ORDER BY revision ${backwards ? 'DESC' : 'ASC'}
        LIMIT $3`,
      [stream, from === undefined ? null : from.toString(), readOptions.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async function readAll(readOptions: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const filter = filterSql(readOptions.filter);
    const rows = await sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.bishop_events
        WHERE position > $1
          AND xid < pg_snapshot_xmin(pg_current_snapshot())
          ${filter.clause}
        ORDER BY position
        LIMIT $2`,
      [(readOptions.fromPosition ?? 0n).toString(), readOptions.maxCount ?? batchSize, ...filter.params],
    );
    return rows.map(toRecordedEvent);
  }

  return {
    appendToStream,
    readStream,
    readAll,
    subscribeToAll(subscribeOptions = {}) {
      return createPollingSubscription({
        from: subscribeOptions.fromPosition,
        wake,
        idlePollMs: options.idlePollMs ?? (sql.shared ? 250 : 1000),
        readBatch: (after) =>
          readAll({
            maxCount: batchSize,
            ...(after === undefined ? {} : { fromPosition: after }),
            ...(subscribeOptions.filter ? { filter: subscribeOptions.filter } : {}),
          }),
      });
    },
    async deleteStream(stream, deleteOptions = {}) {
      const expected = deleteOptions.expectedRevision ?? 'any';
      try {
        await sql.query(`SELECT ${s}.bishop_delete_stream($1, $2)`, [stream, expectedRevisionSql(expected)]);
      } catch (error) {
        throw asRevisionConflict(error, stream, expected);
      }
    },
    async headPosition() {
      const [row] = await sql.query<{ position: string | bigint | null }>(
        `SELECT max(position) AS position FROM ${s}.bishop_events
          WHERE xid < pg_snapshot_xmin(pg_current_snapshot())`,
      );
      return BigInt(row?.position ?? 0);
    },
    async close() {
      await unlisten();
    },
  };
}

async function migrate(sql: SqlClient, schema: string): Promise<void> {
  // Several processes may start at once: serialise the idempotent DDL.
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`bishop-migrate-${schema}`]);
    for (const statement of splitStatements(eventStoreSchemaSql(schema))) await tx.query(statement);
  });
}

/** Splits our own DDL on top-level semicolons (function bodies are $fn$-quoted). */
function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of script.split('\n')) {
    current += `${line}\n`;
    if ((line.match(/\$fn\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

function expectedRevisionSql(expected: ExpectedRevision): string {
  if (expected === 'noStream') return 'no_stream';
  if (typeof expected === 'bigint') return expected.toString();
  return expected;
}

function asRevisionConflict(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  const pgError = error as { code?: string; detail?: string };
  if (pgError?.code !== REVISION_CONFLICT_SQLSTATE) return error;
  const actual = pgError.detail ? BigInt(pgError.detail) : undefined;
  return new RevisionConflictError(stream, expected, actual);
}

/** Stream prefixes OR event types, as SQL parameters $3 and $4. */
function filterSql(filter: EventFilter | undefined): { clause: string; params: unknown[] } {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length === 0 && types.length === 0) return { clause: '', params: [] };
  const likes = prefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { clause: 'AND (stream_name LIKE ANY($3::text[]) OR type = ANY($4::text[]))', params: [likes, types] };
}

/**
 * Coalesces NOTIFYs to at most one per few milliseconds: one wake-up makes a
 * reader read everything, and each NOTIFY is a statement of its own.
 */
function debounceNotify(sql: SqlClient, channel: string, windowMs = 5): () => void {
  if (!sql.shared) return () => {};
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      sql.notify(channel).catch(() => {});
    }, windowMs).unref();
  };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  };
}
