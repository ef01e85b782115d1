import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createPgSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import { sleep } from '../src/async.ts';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { newEvent } from '../src/event-fixtures.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/**
 * Defence in depth: an event the projector cannot apply (here one written straight
 * into the store by a newer Bishop, schema version 999) must not stall it in silence.
 */
describe('a projector stalled on an event says so (readyz, metric, CLI, API codes)', () => {
  const schema = uniqueSchema('stall');
  const env = {
    BISHOP_DATABASE_URL: testDatabaseUrl,
    BISHOP_DATABASE_SCHEMA: schema,
    BISHOP_READ_SCHEMA: `${schema}_read`,
    BISHOP_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
  };
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let sql: SqlClient;
  let crafted: bigint;

  before(async () => {
    dataDir = await temporaryDirectory('stall');
    Object.assign(env, { BISHOP_DATA_DIR: dataDir.path });
    bishop = await startBishopProcess(env);
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    const store = await createPostgresEventStore(sql, { schema });
    const event = newEvent('AvatarRenamed', { name: 'from the future' }, { schemaVersion: 999 });
    ({ position: crafted } = await store.appendToStream(`avatar-${randomUUID()}`, [event]));
    await store.close();
  });
  after(async () => {
    await bishop?.stop();
    for (const suffix of ['', '_read', '_auth']) await sql?.query(`DROP SCHEMA IF EXISTS "${schema}${suffix}" CASCADE`);
    await sql?.close();
    await dataDir?.remove();
  });

  it('turns /readyz not-ready, naming the position and the event type', async () => {
    let report: any;
    for (const deadline = Date.now() + 15_000; report === undefined && Date.now() < deadline; await sleep(100)) {
      const response = await fetch(`${bishop.url}/readyz`);
      if (response.status === 503) report = await response.json();
    }
    assert.ok(report, '/readyz stayed ready');
    assert.equal(report.status, 'unavailable');
    assert.match(report.checks.projections.error, new RegExp(`stalled at position ${crafted} \\(AvatarRenamed\\)`));
  });

  it('shows the stall in /metrics', async () => {
    const metrics = await (await fetch(`${bishop.url}/metrics`)).text();
    assert.match(
      metrics,
      new RegExp(`bishop_projection_stalled\\{position="${crafted}",event_type="AvatarRenamed"\\} 1`),
    );
  });

  it('shows it to the operator with `bishop projections status` (exit code 2), reason included', async () => {
    const result = await runBishop(['projections', 'status'], env);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`stalled at position ${crafted} \\(AvatarRenamed\\)`));
    assert.match(result.stdout, /reason: .*schema version 999/);
  });

  it('answers a read-your-writes payload with a code saying the write is saved, never INTERNAL', async () => {
    const gql = graphqlOverHttp(bishop.url);
    const signUp = await gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
      i: { email: 'bystander@example.org', fullName: 'Bystander', password: 'long enough password' },
    });
    const token = signUp.data?.signUp?.accessToken;
    assert.ok(token, JSON.stringify(signUp.errors));
    const created = await gql('mutation { createAvatar(name: "Ada") { avatar { name } } }', {}, { token });
    assert.equal(created.errors?.[0]?.extensions?.code, 'UNAVAILABLE', JSON.stringify(created.errors));
    assert.equal(created.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_READ_MODELS_BEHIND');
  });
});
