import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createPgSqlClient, createReadStore } from '@bishop/infra';
import { sql as kyselySql } from 'kysely';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Found by the fault suite: a PostgreSQL restart while a pooled connection was checked out (mid-transaction)
// raised an unhandled 'error' event and took the whole gateway process down. Now the transaction fails, and only it.
describe('a pooled PostgreSQL connection that dies while checked out', () => {
  const admin = createPgSqlClient({ connectionString: testDatabaseUrl });
  const kill = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);
  after(() => admin.close());

  it('fails the SqlClient transaction instead of crashing the process', async () => {
    const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    try {
      await assert.rejects(
        sql.transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await kill(row?.pid as number);
          await pause(300);
        }),
      );
      assert.deepEqual(await sql.query('SELECT 1 AS one'), [{ one: 1 }], 'the pool goes on with a new connection');
    } finally {
      await sql.close();
    }
  });

  it('fails the read store (Kysely) transaction instead of crashing the process', async () => {
    const schema = uniqueSchema('read_loss');
    const store = await createReadStore({ kind: 'postgres', connectionString: testDatabaseUrl, schema });
    try {
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          const { rows } = await kyselySql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
          await kill(rows[0]?.pid as number);
          await pause(300);
        }),
      );
      const { rows } = await kyselySql<{ one: number }>`SELECT 1 AS one`.execute(store.db);
      assert.equal(rows[0]?.one, 1);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await store.close();
    }
  });
});
