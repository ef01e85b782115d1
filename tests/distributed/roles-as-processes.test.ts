import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPgSqlClient } from '@bishop/infra';
import { apiClient } from '../src/api-client.ts';
import {
  type DistributedEnvironment,
  distributedEnvironment,
  startRoles,
  stopRoles,
} from '../src/distributed-stack.ts';
import { graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import type { RoleProcess } from '../src/role-process.ts';
import { testDatabaseUrl } from '../src/test-env.ts';

const MATERIALS = 6;

interface MaterialChange {
  readonly materialChanged: { readonly material: { readonly id: string; readonly state: string } };
}

/**
 * Bishop as separate OS processes — two gateways, a projector, a relay, two
 * extraction workers and the web role — on the real PostgreSQL and NATS
 * servers. A user signs up on gateway A and watches on gateway B; each upload
 * is extracted by exactly one of the two workers.
 */
for (const bus of ['nats', 'embedded'] as const) {
  describe(`every role as its own process (PostgreSQL + ${bus === 'nats' ? 'NATS JetStream' : 'the embedded bus on PostgreSQL'})`, () => {
    let environment: DistributedEnvironment;
    const roles: Record<string, RoleProcess> = {};

    before(async () => {
      environment = await distributedEnvironment('dist', { bus });
      // The gateway first: it creates the schemas; then the rest all at once, as compose starts them.
      // Every role goes into `roles` as it starts, so `after` stops it even if another never comes up.
      await startRoles(environment, [{ name: 'gateway-a', args: ['gateway'] }], roles);
      await Promise.all(
        [
          { name: 'gateway-b', args: ['gateway'] },
          { name: 'projector', args: ['projector'] },
          { name: 'relay', args: ['relay'] },
          { name: 'extract-1', args: ['worker', 'extract'] },
          { name: 'extract-2', args: ['worker', 'extract'] },
        ].map((role) => startRoles(environment, [role], roles)),
      );
      await startRoles(
        environment,
        [{ name: 'web', args: ['web'], env: { BISHOP_GATEWAY_URL: (roles['gateway-a'] as RoleProcess).url } }],
        roles,
      );
    });
    after(async () => {
      await stopRoles(roles);
      await environment?.teardown();
    });

    const role = (name: string) => roles[name] as RoleProcess;

    it('reaches a subscriber on gateway B with changes made through gateway A, and runs each job once', async () => {
      const onA = apiClient(role('gateway-a').url);
      const token = await onA.signUp('ada@example.org');
      const { avatarId } = await onA.createAvatar(token, 'Ада');

      // Gateway B: a different process that never saw the writes, only the bus's change notices.
      const ws = graphqlOverWebSocket(role('gateway-b').url, token);
      const connected = new Promise((resolve) => ws.on('connected', resolve));
      const changes = subscribe<MaterialChange>(
        ws,
        'subscription($a: ID!) { materialChanged(avatarId: $a) { material { id state } } }',
        {
          a: avatarId,
        },
      );
      // Another user on the same gateway, watching an avatar of their own: none of the first user's notices may reach them.
      const otherToken = await onA.signUp('eve@example.org', 'Eve');
      const other = await onA.createAvatar(otherToken, 'Eve’s');
      const otherWs = graphqlOverWebSocket(role('gateway-b').url, otherToken);
      const otherChanges = subscribe<MaterialChange>(
        otherWs,
        'subscription($a: ID!) { materialChanged(avatarId: $a) { material { id state } } }',
        { a: other.avatarId },
      );
      await connected;
      await new Promise((resolve) => setTimeout(resolve, 300));

      const files = Array.from({ length: MATERIALS }, (_, i) => ({
        name: `notes-${i + 1}.txt`,
        text: `Lecture notes ${i + 1}. The stars are far away, and light takes years to reach us.\n`.repeat(20),
      }));
      const upload = await onA.uploadTexts(token, avatarId, files);
      assert.equal(upload.status, 200, JSON.stringify(upload));
      const ids = upload.results.map((result) => result.materialId as string);
      assert.equal(ids.filter(Boolean).length, MATERIALS, JSON.stringify(upload.results));

      const ready = (results: MaterialChange[]) =>
        new Set(
          results.filter((r) => r.materialChanged.material.state === 'READY').map((r) => r.materialChanged.material.id),
        );
      const seen = await changes.until((results) => ready(results).size === MATERIALS, 60_000);
      changes.stop();
      await ws.dispose();
      assert.deepEqual([...ready(seen)].sort(), [...ids].sort());
      // The other user's subscription works (their own upload reaches it) and carried nothing else.
      const own = await onA.uploadTexts(otherToken, other.avatarId, [
        { name: 'eve.txt', text: 'Eve’s notes.\n'.repeat(5) },
      ]);
      const ownId = own.results[0]?.materialId;
      await otherChanges.until((results) => ready(results).has(ownId as string), 30_000);
      otherChanges.stop();
      await otherWs.dispose();
      assert.deepEqual(
        [...new Set(otherChanges.results.map((r) => r.materialChanged.material.id))],
        [ownId],
        'nothing of the first user reached the other user',
      );
      const onB = apiClient(role('gateway-b').url);
      assert.deepEqual(
        (await onB.materials(token, avatarId)).map((m) => m.state),
        Array(MATERIALS).fill('READY'),
      );

      // Each MaterialUploaded job: done once, by one of the two workers, on its first delivery.
      const done = ['extract-1', 'extract-2'].flatMap((name) =>
        role(name)
          .logs()
          .filter((line) => line.msg === 'job done' && line.durable === 'worker-extract')
          .map((line) => ({ worker: name, msgId: line.msgId as string, delivery: line.delivery as number })),
      );
      const perJob = new Map<string, number>();
      for (const { msgId } of done) perJob.set(msgId, (perJob.get(msgId) ?? 0) + 1);
      assert.equal(perJob.size, MATERIALS + 1, JSON.stringify(done));
      assert.ok(
        [...perJob.values()].every((count) => count === 1),
        JSON.stringify(done),
      );
      const extracted = await eventCounts(environment.schema, 'MaterialExtracted');
      assert.deepEqual(
        [...extracted.values()].sort(),
        Array(MATERIALS + 1).fill(1),
        'one MaterialExtracted per material',
      );
      const byWorker = Object.fromEntries(
        ['extract-1', 'extract-2'].map((name) => [name, done.filter((d) => d.worker === name).length]),
      );
      console.log(
        `distributed (${bus} bus): ${Object.keys(roles).length} processes; ${MATERIALS + 1} jobs done once each (${JSON.stringify(byWorker)}); ` +
          `${seen.length} change notices reached gateway B`,
      );
    });

    it('serves the UI with an SPA fallback and forwards the API to the gateway from the web role', async () => {
      const web = role('web').url;
      for (const path of ['/', '/avatars/some-id/chat']) {
        const page = await fetch(`${web}${path}`);
        assert.equal(page.status, 200, path);
        assert.match(await page.text(), /<div id="app">Bishop<\/div>/);
      }
      const viaWeb = apiClient(web);
      const token = await viaWeb.signUp('grace@example.org', 'Grace Hopper');
      const { avatarId } = await viaWeb.createAvatar(token, 'Grace');
      const onA = apiClient(role('gateway-a').url);
      assert.deepEqual(await onA.materials(token, avatarId), []);
      const missing = await fetch(`${web}/api/nothing-here`);
      assert.equal(missing.status, 404, 'API paths are the gateway’s: no HTML fallback for them');
      const ready = (await (await fetch(`${web}/readyz`)).json()) as { checks: Record<string, { ok: boolean }> };
      assert.equal(ready.checks.gateway?.ok, true);

      // Subscriptions through the web role too (WebSocket forwarded to the gateway).
      const ws = graphqlOverWebSocket(web, token);
      const changes = subscribe<MaterialChange>(
        ws,
        'subscription($a: ID!) { materialChanged(avatarId: $a) { material { id state } } }',
        {
          a: avatarId,
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      await viaWeb.uploadTexts(token, avatarId, [
        { name: 'grace.txt', text: 'Nanoseconds are a foot long.\n'.repeat(10) },
      ]);
      await changes.until((results) => results.some((r) => r.materialChanged.material.state === 'READY'), 30_000);
      changes.stop();
      await ws.dispose();
    });

    it('runs the extract workers with a capped heap, each restarted in place with the flag (same pid)', () => {
      const started = (name: string) =>
        role(name)
          .logs()
          .find((record) => record.msg === 'role started');
      for (const name of ['extract-1', 'extract-2']) {
        const record = started(name);
        assert.ok(record, `${name} logged its start`);
        // BISHOP_EXTRACT_HEAP_MB's 256 MB old space, plus V8's young generation.
        assert.ok(Number(record.heapLimitMb) < 1024, `${name}'s heap limit is ${record.heapLimitMb} MB`);
        assert.equal(record.pid, role(name).pid);
      }
      const gateway = Number(started('gateway-a')?.heapLimitMb);
      assert.ok(
        gateway > Number(started('extract-1')?.heapLimitMb),
        `other roles keep Node’s own limit (${gateway} MB)`,
      );
    });

    it('answers health on every role process', async () => {
      for (const process of Object.values(roles)) {
        const response = await fetch(`${process.url}/readyz`);
        assert.equal(response.status, 200, `${process.name}: ${await response.text()}`);
      }
    });
  });
}

async function eventCounts(schema: string, type: string): Promise<Map<string, number>> {
  const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  try {
    const rows = await sql.query<{ material: string; n: string }>(
      `SELECT data->>'materialId' AS material, count(*) AS n FROM "${schema}".bishop_events WHERE type = $1 GROUP BY 1`,
      [type],
    );
    return new Map(rows.map((row) => [row.material, Number(row.n)]));
  } finally {
    await sql.close();
  }
}
