import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createPgliteSqlClient,
  createPgSqlClient,
  createPostgresEventStore,
  type SqlClient,
  splitStatements,
  sqlIdentifier,
} from '@bishop/infra';
import { newEvent } from '../src/event-fixtures.ts';
import { temporaryDirectory, testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { legacyJsonEventStoreSql } from './legacy-json-event-store-schema.ts';

/** Appends as the old `bishop_append` did: whatever JSON text it was given, `\u0000` included. */
async function legacyAppend(sql: SqlClient, schema: string, stream: string, dataJson: string) {
  const event = newEvent('TrainingStarted');
  await sql.query(`SELECT * FROM ${sqlIdentifier(schema)}.bishop_append($1, 'any', $2, $3, $4, $5)`, [
    stream,
    [event.metadata.eventId],
    [event.type],
    [dataJson],
    [JSON.stringify(event.metadata)],
  ]);
}

const attack = '{"runId":"r1","settings":{"holdOutShare\\u0000":1},"materialIds":[]}';
const loneSurrogate = '{"name":"broken \\ud800 text"}';
const lookalike = '{"text":"a \\\\u0000 literal, an emoji \\ud83d\\ude00"}';
const ordinary = '{"name":"Ада","list":[1,2.5,null,true,{"deep":"x"}]}';

function migrationSuite(name: string, open: () => Promise<{ sql: SqlClient; schema: string; close(): Promise<void> }>) {
  describe(`PostgreSQL event store on ${name}: an install made with json columns migrates in place`, () => {
    it('converts to jsonb, keeps every event, repairs only what jsonb cannot hold and keeps its original', async () => {
      const { sql, schema, close } = await open();
      try {
        // 1. An install as today's schema made it, poisoned by the attack.
        for (const statement of splitStatements(legacyJsonEventStoreSql(schema))) await sql.query(statement);
        for (const data of [ordinary, attack, loneSurrogate, lookalike]) await legacyAppend(sql, schema, 'a-1', data);

        // 2. Opening the store migrates it.
        const store = await createPostgresEventStore(sql, { schema });
        const types = await sql.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = 'bishop_events' AND column_name IN ('data', 'metadata')`,
          [schema],
        );
        assert.deepEqual(types.map((row) => row.data_type).sort(), ['jsonb', 'jsonb']);

        // 3. Nothing lost: ordinary and look-alike events are unchanged, the bad ones readable and projectable.
        const events = await store.readStream('a-1');
        assert.equal(events.length, 4);
        assert.deepEqual(events[0]?.data, JSON.parse(ordinary));
        assert.deepEqual(events[1]?.data, { runId: 'r1', settings: { 'holdOutShare\ufffd': 1 }, materialIds: [] });
        assert.deepEqual(events[2]?.data, { name: 'broken \ufffd text' });
        assert.deepEqual(events[3]?.data, JSON.parse(lookalike));
        const repairs = await sql.query<{ position: string | bigint; original_data: string }>(
          `SELECT position, original_data FROM ${sqlIdentifier(schema)}.bishop_event_repairs ORDER BY position`,
        );
        assert.deepEqual(
          repairs.map((row) => [BigInt(row.position), JSON.parse(row.original_data)]),
          [
            [events[1]?.position, JSON.parse(attack)],
            [events[2]?.position, JSON.parse(loneSurrogate)],
          ],
        );

        // 4. The migrated store appends, and its SQL itself refuses a NUL that bypasses the adapter.
        await store.appendToStream('a-1', [newEvent('AvatarRenamed', { name: 'после миграции' })]);
        await assert.rejects(legacyAppend(sql, schema, 'a-1', attack), { code: '22P05' });
        assert.equal((await store.readStream('a-1')).length, 5);

        // 5. Opening again is a no-op.
        await store.close();
        const reopened = await createPostgresEventStore(sql, { schema });
        assert.equal((await reopened.readStream('a-1')).length, 5);
        await reopened.close();
      } finally {
        await close();
      }
    });
  });
}

migrationSuite('a PostgreSQL server', async () => {
  const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  const schema = uniqueSchema('esjsonb');
  return {
    sql,
    schema,
    async close() {
      await sql.query(`DROP SCHEMA IF EXISTS ${sqlIdentifier(schema)} CASCADE`);
      await sql.close();
    },
  };
});

migrationSuite('PGlite', async () => {
  const dir = await temporaryDirectory('pglite-jsonb');
  const sql = await createPgliteSqlClient({ dataDir: dir.path });
  return {
    sql,
    schema: 'bishop',
    async close() {
      await sql.close();
      await dir.remove();
    },
  };
});
