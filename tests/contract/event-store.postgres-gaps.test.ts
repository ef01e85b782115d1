import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { createPgSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import pg from 'pg';
import { sleep, waitFor } from '../src/async.ts';
import { newEvent, uniquePrefix } from '../src/event-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/**
 * The sequence-gap problem, forced deterministically: a transaction takes a
 * position and stays open while a later one commits. Readers must hold back
 * the later event until the earlier transaction ends, then deliver both in order.
 */
describe('PostgreSQL event store: sequence gaps', () => {
  const schema = uniqueSchema('gaps');
  let sql: SqlClient;
  let store: EventStore;
  let slowWriter: pg.Client;

  before(async () => {
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    store = await createPostgresEventStore(sql, { schema, idlePollMs: 20 });
    slowWriter = new pg.Client({ connectionString: testDatabaseUrl });
    await slowWriter.connect();
  });
  after(async () => {
    await slowWriter.end();
    await store.close();
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.close();
  });

  /** Starts an append in an open transaction, as a slow writer would. */
  async function beginSlowAppend(stream: string, type: string): Promise<bigint> {
    const event = newEvent(type);
    await slowWriter.query('BEGIN');
    const { rows } = await slowWriter.query(
      `SELECT last_position FROM "${schema}".bishop_append($1, 'any', $2, $3, $4, $5)`,
      [stream, [event.metadata.eventId], [event.type], [JSON.stringify(event.data)], [JSON.stringify(event.metadata)]],
    );
    return BigInt(rows[0].last_position);
  }

  function follow(prefix: string, from: bigint): { seen: RecordedEvent[]; stop(): Promise<void> } {
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [prefix] } });
    const consuming = (async () => {
      for await (const event of subscription) seen.push(event);
    })();
    return {
      seen,
      async stop() {
        await subscription.close();
        await consuming;
      },
    };
  }

  it('holds back a later commit until the earlier position commits, then delivers both in order', async () => {
    const prefix = uniquePrefix();
    const start = await store.headPosition();
    const follower = follow(prefix, start);

    const earlyPosition = await beginSlowAppend(`${prefix}-slow`, 'Early');
    const late = await store.appendToStream(`${prefix}-fast`, [newEvent('Late')]);
    assert.ok(late.position > earlyPosition, 'the committed event has the higher position');

    await sleep(300);
    assert.equal(follower.seen.length, 0, 'nothing is delivered past an open lower position');
    assert.deepEqual(await store.readAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } }), []);

    await slowWriter.query('COMMIT');
    await waitFor(() => follower.seen.length >= 2, 5000);
    await follower.stop();
    assert.deepEqual(
      follower.seen.map((e) => e.type),
      ['Early', 'Late'],
    );
    assert.deepEqual(
      follower.seen.map((e) => e.position),
      [earlyPosition, late.position],
    );
  });

  it('skips the permanent hole of a rolled-back append without stalling', async () => {
    const prefix = uniquePrefix();
    const start = await store.headPosition();
    const follower = follow(prefix, start);
    await beginSlowAppend(`${prefix}-doomed`, 'Doomed');
    await store.appendToStream(`${prefix}-ok`, [newEvent('Survivor')]);
    await slowWriter.query('ROLLBACK');
    await waitFor(() => follower.seen.length >= 1, 5000);
    await sleep(100);
    await follower.stop();
    assert.deepEqual(
      follower.seen.map((e) => e.type),
      ['Survivor'],
    );
  });
});
