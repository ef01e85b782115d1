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
    async listen(channel, onNotify) {
      // LISTEN needs a dedicated connection for as long as we listen.
      const client = new pg.Client({ connectionString: options.connectionString });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN "${channel}"`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
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
