import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PgliteDriver, type PgliteSqlClient } from '@bishop/infra';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';

interface Scratch {
  scratch: { id: number };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * PGlite is one session shared by the event store's SqlClient and the read
 * models' Kysely. These tests pin down what the read-store driver promises:
 * a transaction excludes every other query until it ends, and nothing runs
 * inside someone else's transaction.
 */
export function pgliteSessionContract(client: PgliteSqlClient): void {
  describe('Kysely on a PGlite shared with the SqlClient', () => {
    let db: Kysely<Scratch>;
    before(async () => {
      db = new Kysely<Scratch>({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new PgliteDriver(client.pglite),
          createIntrospector: (kysely) => new PostgresIntrospector(kysely),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        },
      });
      await client.query('CREATE TABLE scratch (id integer PRIMARY KEY)');
    });
    after(async () => {
      await client.query('DROP TABLE scratch');
      await db.destroy();
      assert.equal(client.pglite.closed, false, 'destroying Kysely leaves the shared instance open');
    });

    it('holds SqlClient queries back until its transaction ends, so they never see uncommitted rows', async () => {
      let counted: number | undefined;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('scratch').values({ id: 1 }).execute();
        void client.query<{ n: number }>('SELECT count(*)::int AS n FROM scratch').then(([row]) => {
          counted = row?.n;
        });
        await settle();
        assert.equal(counted, undefined, 'the outside query waited');
      });
      await settle();
      assert.equal(counted, 1, 'and then saw the committed row');
      await db.deleteFrom('scratch').execute();
    });

    it('runs a query from outside a transaction after it, not inside it', async () => {
      let outside: Promise<{ n: number }[]> | undefined;
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('scratch').values({ id: 2 }).execute();
          outside = sql<{ n: number }>`SELECT count(*)::int AS n FROM scratch`.execute(db).then((r) => r.rows);
          await settle();
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.deepEqual(await outside, [{ n: 0 }], 'it did not see the rolled-back insert');
    });

    it('keeps concurrent transactions apart, one after the other', async () => {
      const order: string[] = [];
      const transaction = (id: number) =>
        db.transaction().execute(async (trx) => {
          order.push(`begin ${id}`);
          await trx.insertInto('scratch').values({ id }).execute();
          await settle();
          const rows = await trx.selectFrom('scratch').select('id').orderBy('id').execute();
          order.push(`end ${id}`);
          return rows.map((row) => row.id);
        });
      const [first, second] = await Promise.all([transaction(10), transaction(11)]);
      assert.deepEqual(order, ['begin 10', 'end 10', 'begin 11', 'end 11']);
      assert.deepEqual([first, second], [[10], [10, 11]]);
      await db.deleteFrom('scratch').execute();
    });

    it('reads bigint columns as bigint, like the server driver', async () => {
      const { rows } = await sql<{ big: bigint; small: bigint }>`
        SELECT 9007199254740993::bigint AS big, 1::bigint AS small`.execute(db);
      assert.deepEqual(rows, [{ big: 9007199254740993n, small: 1n }]);
    });
  });
}
