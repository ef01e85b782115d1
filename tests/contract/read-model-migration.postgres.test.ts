import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { migrateReadModels, type ReadModels } from '@bishop/projections';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/*
 * Many installs (and a rebuild's swapped-out schemas) share one PostgreSQL database, and schemas come
 * and go while a process starts. Kysely's migrator looks its tables up across every schema, so a
 * schema dropped during that look-up used to fail the start ("schema rm_… does not exist").
 */

const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 6 });
const db = new Kysely<ReadModels>({ dialect: new PostgresDialect({ pool }) });
const migrated: string[] = [];
after(async () => {
  for (const schema of migrated) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.destroy();
});

it('migrates read models while other schemas are created and dropped around it', { timeout: 240_000 }, async () => {
  let churning = true;
  const churn = async () => {
    while (churning) {
      const schema = uniqueSchema('churn');
      await pool.query(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".t (id serial PRIMARY KEY, v text)`);
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      // A schema dropped every few tens of milliseconds: far more than any install sees.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const churners = [churn(), churn()];
  try {
    for (let round = 0; round < 6; round++) {
      const schemas = [uniqueSchema('mig'), uniqueSchema('mig')];
      migrated.push(...schemas);
      await Promise.all(schemas.map((schema) => migrateReadModels(db, schema)));
    }
  } finally {
    churning = false;
    await Promise.all(churners);
  }
  const tables = await pool.query(
    'SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2',
    [migrated.at(-1), 'messages'],
  );
  assert.equal(tables.rows[0]?.n, 1);
});
