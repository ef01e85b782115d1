import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createPgSqlClient } from '@bishop/infra';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Found by the fault suite: after a PostgreSQL restart, LISTEN connections died for good (no more wake-ups or signals).
describe('LISTEN on a PostgreSQL server', () => {
  const applicationName = uniqueSchema('listen');
  const sql = createPgSqlClient({ connectionString: testDatabaseUrl, applicationName });
  const admin = createPgSqlClient({ connectionString: testDatabaseUrl });
  after(async () => {
    await Promise.all([sql.close(), admin.close()]);
  });

  it('comes back after its connection is killed, and says notices may have been missed', async () => {
    const channel = applicationName;
    const heard: string[] = [];
    const unlisten = await sql.listen(channel, (payload) => heard.push(payload));
    await sql.notify(channel, 'before');
    await eventually(() => heard.includes('before'), 'the first notice');

    const killed = await admin.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity WHERE application_name = $1`,
      [`${applicationName}-listen`],
    );
    assert.equal(killed.length, 1, 'the LISTEN connection was found and killed');
    await eventually(() => heard.includes(''), 'the "may have missed notices" call after reconnecting');
    await sql.notify(channel, 'after');
    await eventually(() => heard.includes('after'), 'a notice after the reconnect');
    await unlisten();

    await sql.notify(channel, 'unheard');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(!heard.includes('unheard'), 'nothing is heard once unlistened');
  });
});
