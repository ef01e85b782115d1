import pg from 'pg';
import type { SqlClient, SqlTransaction } from './sql-client.ts';

export interface PgSqlClientOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

/** SqlClient over a PostgreSQL server through a `pg` connection pool. */
export function createPgSqlClient(options: PgSqlClientOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    application_name: options.applicationName ?? 'bishop',
  });
  // An idle client dying (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // A client checked out of the pool (between the statements of a transaction) has no listener of
  // the pool's: its connection dying would be an unhandled 'error' event. Its query fails instead.
  pool.on('connect', (client) => client.on('error', () => {}));

  async function query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const result = await client.query(text, params as unknown[]);
      return result.rows as Row[];
    } catch (error) {
      // Errors raised by our own SQL (SQLSTATE class "BS") leave the session clean; anything
      // else may leave it in an unknown state (e.g. a held session lock), so drop the connection.
      if (!isBishopSqlError(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    shared: true,
    query,
    async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const tx: SqlTransaction = {
          query: async <Row>(text: string, params: readonly unknown[] = []) =>
            (await client.query(text, params as unknown[])).rows as Row[],
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onNotify) => listenWithReconnect(options, channel, onNotify),
    async notify(channel, payload = '') {
      await query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await pool.end();
    },
  };
}

export function isBishopSqlError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('BS');
}

const RECONNECT_MIN_MS = 200;
const RECONNECT_MAX_MS = 5_000;

/**
 * LISTEN on a dedicated connection for as long as we listen. When that
 * connection dies (a server restart, an administrator's pg_terminate_backend)
 * it is opened again with backoff, and `onNotify('')` tells the listener that
 * notices may have been missed meanwhile (wake-ups then look for themselves).
 */
async function listenWithReconnect(
  options: PgSqlClientOptions,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let retryMs = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: options.connectionString,
      application_name: `${options.applicationName ?? 'bishop'}-listen`,
    });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.end().catch(() => {});
      if (!stopped) reconnectLater();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      onLost();
      throw error;
    }
    if (stopped) {
      // Unlistened while this reconnect was on its way.
      lost = true;
      await client.end().catch(() => {});
      return;
    }
    current = client;
  }

  function reconnectLater(): void {
    timer = setTimeout(() => {
      connect().then(
        () => {
          retryMs = RECONNECT_MIN_MS;
          onNotify('');
        },
        () => {
          retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
        },
      );
    }, retryMs);
  }

  await connect().catch((error) => {
    // The first connection must work: the caller learns now, and nothing keeps retrying behind its back.
    stopped = true;
    clearTimeout(timer);
    throw error;
  });
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current?.end().catch(() => {});
  };
}
