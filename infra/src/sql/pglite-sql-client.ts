import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlTransaction } from './sql-client.ts';

/** A SqlClient on PGlite, exposing the instance so the read store (Kysely) can share its one session. */
export interface PgliteSqlClient extends SqlClient {
  readonly pglite: PGlite;
}

/**
 * SqlClient over PGlite: PostgreSQL compiled to WebAssembly, running inside
 * this process with its data in a directory (or in memory when none is given).
 */
export async function createPgliteSqlClient(options: { readonly dataDir?: string } = {}): Promise<PgliteSqlClient> {
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  return pgliteSqlClient(db, true);
}

/** Wraps an already open PGlite; `owned` says whether close() should close it. */
export function pgliteSqlClient(db: PGlite, owned: boolean): PgliteSqlClient {
  return {
    pglite: db,
    shared: false,
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      return db.transaction(async (inner) =>
        work({
          query: async <Row>(text: string, params: readonly unknown[] = []) =>
            (await inner.query<Row>(text, params as unknown[])).rows,
        }),
      );
    },
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, (payload) => onNotify(payload));
      return async () => unlisten();
    },
    async notify(channel, payload = '') {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (owned) await db.close();
    },
  };
}
