import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createNatsBus, type NatsBus } from '@bishop/infra';
import { waitFor } from '../src/async.ts';
import { temporaryDirectory } from '../src/test-env.ts';
import { readerOf } from './bus.contract.ts';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** A private nats-server we may stop and start (the shared one serves other tests). */
async function startNatsServer(port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  await waitFor(() => log.includes('Server is ready') || child.exitCode !== null, 10_000);
  if (child.exitCode !== null) throw new Error(`nats-server exited:\n${log}`);
  return child;
}

describe('NATS bus across a server restart', () => {
  let port: number;
  let store: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ChildProcess;
  let bus: NatsBus;
  before(async () => {
    port = await freePort();
    store = await temporaryDirectory('nats');
    server = await startNatsServer(port, store.path);
    bus = await createNatsBus({ servers: `nats://127.0.0.1:${port}` });
    await bus.ensureTopology();
  });
  after(async () => {
    await bus?.close();
    server?.kill('SIGKILL');
    await store?.remove();
  });

  it('keeps consuming after the server crashes and comes back, and keeps publishing', async () => {
    const publish = (body: string) =>
      bus.publish('bishop.avatar.Job', new TextEncoder().encode(body), { msgId: randomUUID() });
    await publish('before');
    const consumer = bus.consume({
      durable: 'worker',
      subjects: ['bishop.>'],
      ackWaitMs: 2000,
      maxDeliver: 5,
      maxAckPending: 10,
    });
    const reader = readerOf(consumer);
    await (await reader.next()).ack();

    server.kill('SIGKILL');
    await once(server, 'exit');
    server = await startNatsServer(port, store.path);

    // Publishing may fail until the client has reconnected; a relay retries the same way.
    let published = false;
    for (let attempt = 0; attempt < 50 && !published; attempt++) {
      published = await publish('after')
        .then(() => true)
        .catch(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200)));
    }
    assert.ok(published, 'published after the restart');
    // A crash may lose the server's last consumer state: at-least-once allows "before" again.
    const seen: string[] = [];
    while (!seen.includes('after')) {
      const message = await reader.next(15_000);
      seen.push(new TextDecoder().decode(message.data));
      await message.ack();
    }
    assert.ok(
      seen.every((body) => body === 'before' || body === 'after'),
      seen.join(),
    );
    await consumer.close();
  });
});
