import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPgSqlClient, createReadStore, type SqlClient } from '@bishop/infra';
import { readModelChecksums } from '@bishop/projections';
import { apiClient } from '../src/api-client.ts';
import { runBishop } from '../src/bishop-process.ts';
import {
  type DistributedEnvironment,
  distributedEnvironment,
  startRoles,
  stopRoles,
} from '../src/distributed-stack.ts';
import type { RoleProcess } from '../src/role-process.ts';
import { testDatabaseUrl } from '../src/test-env.ts';
import { startChaos } from './chaos.ts';
import { checkLedger, jobsSettled } from './ledger-checks.ts';
import { createLoadGenerator } from './load-generator.ts';
import { ensureNats, ensurePostgres, restartNats, restartPostgres } from './service-restarts.ts';

const USERS = 6;
const COMMANDS = Number(process.env.BISHOP_FAULT_COMMANDS ?? 300);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(500);
  }
}

/**
 * Bounded chaos on loopback: while clients send a few hundred commands and
 * upload jobs, a random role process is killed (-9) and restarted every few
 * seconds, PostgreSQL restarts once and NATS once. Afterwards nothing
 * accepted is lost or doubled, every job ended (completed, or failed with a
 * reason), the read models equal a fresh rebuild, and no worker is stuck.
 */
describe('fault suite: kill -9, PostgreSQL and NATS restarts under load', () => {
  let environment: DistributedEnvironment;
  const roles: Record<string, RoleProcess> = {};
  let sql: SqlClient;

  before(async () => {
    environment = await distributedEnvironment('fault');
    // Into `roles` as each starts, so `after` stops them even if a later one never comes up.
    await startRoles(environment, [{ name: 'gateway-a', args: ['gateway'] }], roles);
    await startRoles(
      environment,
      [
        { name: 'gateway-b', args: ['gateway'] },
        { name: 'projector', args: ['projector'] },
        { name: 'relay', args: ['relay'] },
        { name: 'extract-1', args: ['worker', 'extract'] },
        { name: 'extract-2', args: ['worker', 'extract'] },
      ],
      roles,
    );
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  });
  after(async () => {
    // Whatever happened, the machine's PostgreSQL and NATS run again afterwards.
    await ensurePostgres();
    await ensureNats();
    await stopRoles(roles);
    await sql?.close();
    await environment?.teardown();
  });

  it('loses nothing, doubles nothing, ends every job and matches a fresh rebuild', async () => {
    const gateways = [roles['gateway-a'], roles['gateway-b']] as RoleProcess[];
    const load = createLoadGenerator(() => gateways.map((g) => g.url));
    await load.signUp(USERS);

    const started = Date.now();
    const chaos = startChaos(Object.values(roles), { everyMs: [2000, 4000] });
    const restarts = (async () => {
      await sleep(15_000);
      await restartPostgres();
      await sleep(15_000);
      await restartNats();
    })();
    try {
      // About 5 commands a second: a minute of load, long enough for a dozen kills and both restarts.
      await load.run(COMMANDS, 3, 500);
      await restarts;
    } finally {
      await restarts.catch(() => {});
      await chaos.stop();
    }
    const chaosSeconds = (Date.now() - started) / 1000;

    // Settle: every job ends (a job whose worker died waits out its ack wait, 60 s) and the projector catches up.
    await eventually(() => jobsSettled(sql, environment.schema, load.sent), 'every accepted upload to end', 150_000);
    await eventually(() => projectorCaughtUp(sql, environment), 'the projector to reach the head', 30_000);

    const verdict = await checkLedger(sql, environment.schema, load.sent);
    const report = chaos.report;
    console.log(
      `fault: sent ${verdict.sent}, accepted ${verdict.accepted}, lost ${verdict.lost.length}, duplicated ${verdict.duplicated.length}; ` +
        `jobs ${verdict.jobs} (completed ${verdict.jobsCompleted}, failed with a reason ${verdict.jobsFailedWithReason}); ` +
        `kill -9 ${Object.values(report.kills).reduce((a, b) => a + b, 0)} ${JSON.stringify(report.kills)}, ` +
        `PostgreSQL restarts 1, NATS restarts 1, unexpected exits ${report.unexpectedExits.length}, ${chaosSeconds.toFixed(0)} s of chaos`,
    );
    assert.ok(verdict.sent >= COMMANDS, 'the load was sent');
    assert.ok(verdict.accepted > verdict.sent / 2, `most commands were accepted (${verdict.accepted}/${verdict.sent})`);
    assert.deepEqual(verdict.lost, [], 'lost');
    assert.deepEqual(verdict.duplicated, [], 'duplicated');
    assert.deepEqual(verdict.jobProblems, [], 'every job ended once, failures with a reason');
    assert.deepEqual(report.unexpectedExits, [], 'no role died on its own');

    // Read models equal a fresh replay of the log (the real CLI, into a schema of its own).
    const fresh = `${environment.readSchema}_fresh`;
    const rebuild = await runBishop(['projections', 'rebuild'], { ...environment.env, BISHOP_READ_SCHEMA: fresh });
    assert.equal(rebuild.code, 0, rebuild.stderr);
    const readStore = await createReadStore({ kind: 'postgres', connectionString: testDatabaseUrl, schema: fresh });
    try {
      const live = await readModelChecksums(readStore.db, environment.readSchema);
      assert.deepEqual(live, await readModelChecksums(readStore.db, fresh), 'live read models = fresh rebuild');
    } finally {
      await readStore.close();
    }

    // No worker stuck: a new job after the storm is done promptly, and every role is ready.
    const client = apiClient((roles['gateway-b'] as RoleProcess).url);
    const user = load.users[0];
    const avatarId = await firstAvatarOf(sql, environment.schema, user?.userId as string);
    const probe = await client.uploadTexts(user?.token as string, avatarId, [
      { name: 'probe.txt', text: 'After the storm.\n'.repeat(5) },
    ]);
    const probeId = probe.results[0]?.materialId;
    assert.ok(probeId, JSON.stringify(probe));
    await eventually(
      async () =>
        (await client.materials(user?.token as string, avatarId)).some((m) => m.id === probeId && m.state === 'READY'),
      'a job sent after the chaos to be done',
      20_000,
    );
    for (const role of Object.values(roles)) {
      const ready = await fetch(`${role.url}/readyz`);
      assert.equal(ready.status, 200, `${role.name}: ${await ready.text()}`);
    }
  });
});

async function projectorCaughtUp(sql: SqlClient, environment: DistributedEnvironment): Promise<boolean> {
  const [row] = await sql.query<{ head: string | null; checkpoint: string | null }>(
    `SELECT (SELECT max(position) FROM "${environment.schema}".bishop_events)::text AS head,
            (SELECT max(position) FROM "${environment.readSchema}".projection_checkpoints)::text AS checkpoint`,
  );
  return row?.head !== null && row?.head === row?.checkpoint;
}

async function firstAvatarOf(sql: SqlClient, schema: string, userId: string): Promise<string> {
  const [row] = await sql.query<{ stream_name: string }>(
    `SELECT stream_name FROM "${schema}".bishop_events WHERE type = 'AvatarCreated' AND data->>'ownerId' = $1
      AND stream_name NOT IN (SELECT stream_name FROM "${schema}".bishop_events WHERE type = 'AvatarDeleted')
      ORDER BY position LIMIT 1`,
    [userId],
  );
  return (row?.stream_name ?? '').replace(/^avatar-/, '');
}
