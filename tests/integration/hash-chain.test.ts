import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventStore } from '@bishop/domain/ports';
import {
  createHashChainedEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSignedChainHeads,
  type SqlClient,
  verifyStreamChain,
} from '@bishop/infra';
import { newEvent, newEvents, uniquePrefix } from '../src/event-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/** The hash chain over a real PostgreSQL event store, and what tampering with its rows looks like. */
describe('hash-chained event store (PostgreSQL)', () => {
  const schema = uniqueSchema('chain');
  let sql: SqlClient;
  let store: EventStore;

  before(async () => {
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    store = createHashChainedEventStore(await createPostgresEventStore(sql, { schema }));
  });
  after(async () => {
    await store.close();
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.close();
  });

  const events = `"${schema}".bishop_events`;
  const verify = async (stream: string, witnesses: { revision: bigint; hash: string }[] = []) =>
    verifyStreamChain(
      stream,
      await store.readStream(stream),
      witnesses.map((w) => ({ stream, ...w })),
    );
  const kinds = (result: Awaited<ReturnType<typeof verify>>) => result.problems.map((p) => `${p.kind}@${p.revision}`);

  async function chainedStream(count: number): Promise<string> {
    const stream = `${uniquePrefix('avatar')}-1`;
    await store.appendToStream(stream, newEvents(2), { expectedRevision: 'noStream' });
    let revision = 1n;
    for (let i = 2; i < count; i++) {
      revision = (await store.appendToStream(stream, [newEvent('Step', { i })], { expectedRevision: revision }))
        .nextRevision;
    }
    return stream;
  }

  it('links every event to the one before it, whatever the expected revision', async () => {
    const stream = await chainedStream(5);
    await store.appendToStream(stream, [newEvent('Loose')], { expectedRevision: 'any' });
    await store.appendToStream(stream, [newEvent('Existing')], { expectedRevision: 'exists' });
    const result = await verify(stream);
    assert.deepEqual(result.problems, []);
    assert.equal(result.events, 7);
    assert.equal(result.head?.revision, 6n);
    assert.match(result.head?.hash ?? '', /^[0-9a-f]{64}$/);
  });

  it('keeps one valid chain while 8 writers race with expected revision "any"', async () => {
    const stream = `${uniquePrefix('avatar')}-race`;
    // A second wrapper has its own memory of heads, as a second process would.
    const other = createHashChainedEventStore(await createPostgresEventStore(sql, { schema }));
    await Promise.all(
      Array.from({ length: 8 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < 5; i++) {
            await (writer % 2 ? other : store).appendToStream(stream, [newEvent('Raced', { writer, i })]);
          }
        })(),
      ),
    );
    await other.close();
    const result = await verify(stream);
    assert.equal(result.events, 40);
    assert.deepEqual(result.problems, []);
  });

  it('detects an altered event', async () => {
    const stream = await chainedStream(5);
    await sql.query(`UPDATE ${events} SET data = '{"n": 99}' WHERE stream_name = $1 AND revision = 2`, [stream]);
    assert.deepEqual(kinds(await verify(stream)), ['altered@2']);
  });

  it('detects a removed event', async () => {
    const stream = await chainedStream(5);
    await sql.query(`DELETE FROM ${events} WHERE stream_name = $1 AND revision = 2`, [stream]);
    assert.deepEqual(kinds(await verify(stream)), ['missing@2', 'altered@3']);
  });

  it('detects a removed first event', async () => {
    const stream = await chainedStream(4);
    await sql.query(`DELETE FROM ${events} WHERE stream_name = $1 AND revision = 0`, [stream]);
    assert.deepEqual(kinds(await verify(stream)), ['missing@0', 'altered@1']);
  });

  it('detects reordered events', async () => {
    const stream = await chainedStream(5);
    await sql.query(
      `UPDATE ${events} SET revision = CASE revision WHEN 1 THEN -1 ELSE revision END WHERE stream_name = $1`,
      [stream],
    );
    await sql.query(`UPDATE ${events} SET revision = 1 WHERE stream_name = $1 AND revision = 3`, [stream]);
    await sql.query(`UPDATE ${events} SET revision = 3 WHERE stream_name = $1 AND revision = -1`, [stream]);
    assert.deepEqual(kinds(await verify(stream)), ['altered@1', 'altered@2', 'altered@3', 'altered@4']);
  });

  it('detects a cut-off tail, and a rewritten one, against a witness of the old head', async () => {
    const stream = await chainedStream(5);
    const head = (await verify(stream)).head;
    assert.ok(head);
    await sql.query(`DELETE FROM ${events} WHERE stream_name = $1 AND revision = 4`, [stream]);
    assert.deepEqual(kinds(await verify(stream)), [], 'the chain alone cannot see a cut-off tail');
    assert.deepEqual(kinds(await verify(stream, [head])), ['missing@4']);
    // Rewriting the tail and recomputing its links still differs from what was witnessed.
    await store.appendToStream(stream, [newEvent('Forged')], { expectedRevision: 3n });
    assert.deepEqual(kinds(await verify(stream)), []);
    assert.deepEqual(kinds(await verify(stream, [head])), ['witnessMismatch@4']);
  });
});

/** Signed heads: the upgrade signs what is stored, later appends move the head, and only the key can sign. */
describe('signed chain heads (PostgreSQL)', () => {
  const schema = uniqueSchema('heads');
  const key = new Uint8Array(32).fill(3);
  let sql: SqlClient;

  before(async () => {
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  });
  after(async () => {
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.close();
  });

  it('signs the heads an install already had, then each new head; a wrong key fails them all', async () => {
    const stored = await createPostgresEventStore(sql, { schema });
    // Written by a build without signed heads: chained, no signature anywhere.
    const legacy = createHashChainedEventStore(stored);
    const stream = `${uniquePrefix('avatar')}-legacy`;
    await legacy.appendToStream(stream, newEvents(3), { expectedRevision: 'noStream' });

    const heads = await createSignedChainHeads(sql, { schema, key, rawEventStore: stored });
    const verify = async (signer = heads) =>
      verifyStreamChain(stream, await stored.readStream(stream), [], await signer.find(stream)).problems.map(
        (p) => `${p.kind}@${p.revision}`,
      );
    assert.deepEqual(await verify(), [], 'the upgrade signed the stored head');

    const chained = createHashChainedEventStore(stored, { heads });
    await chained.appendToStream(stream, [newEvent('Later')], { expectedRevision: 2n });
    assert.equal((await heads.find(stream))?.revision, 3n);
    assert.deepEqual(await verify(), []);

    // An append that bypassed the signer (no master key) is not proven.
    await legacy.appendToStream(stream, [newEvent('Sneaked')], { expectedRevision: 3n });
    assert.deepEqual(await verify(), ['unsigned@4']);

    const impostor = await createSignedChainHeads(sql, { schema, key: new Uint8Array(32), rawEventStore: stored });
    assert.deepEqual(await verify(impostor), ['forged@3']);
    await stored.close();
  });
});
