import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Bus, Signal } from '@bishop/domain/ports';
import { createInProcessBus, createNamespacedBus, createNatsBus, createPgSqlClient } from '@bishop/infra';
import { uniquePrefix } from '../src/event-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { testNatsUrl } from './bus.contract.ts';

const text = (value: string) => new TextEncoder().encode(value);
const textOf = (signal: Signal) => new TextDecoder().decode(signal.data);

async function take(listener: AsyncIterable<Signal>, count: number): Promise<string[]> {
  const got: string[] = [];
  const timeout = setTimeout(() => assert.fail(`only ${got.length} of ${count} signals arrived: ${got}`), 5000);
  for await (const signal of listener) {
    got.push(`${signal.subject}=${textOf(signal)}`);
    if (got.length === count) break;
  }
  clearTimeout(timeout);
  return got;
}

// Several Bishop processes on one PostgreSQL server with the embedded bus: every gateway must hear every signal.
describe('in-process bus, two processes on one PostgreSQL server', () => {
  const schema = uniqueSchema('bus_shared');
  const sqlA = createPgSqlClient({ connectionString: testDatabaseUrl });
  const sqlB = createPgSqlClient({ connectionString: testDatabaseUrl });
  const buses: Bus[] = [];
  after(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await sqlA.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all([sqlA.close(), sqlB.close()]);
  });

  it('carries signals to the other process and back to the sender, once each, in order', async () => {
    const a = await createInProcessBus({ sql: sqlA, schema });
    const b = await createInProcessBus({ sql: sqlB, schema });
    buses.push(a, b);
    const onA = a.listen('bishop.live.tokens.>');
    const onB = b.listen('bishop.live.tokens.>');
    for (const token of ['the', 'the', 'end']) a.signal('bishop.live.tokens.r1', text(token));
    b.signal('bishop.live.tokens.r2', text('from b'));
    const expected = ['bishop.live.tokens.r1=the', 'bishop.live.tokens.r1=the', 'bishop.live.tokens.r1=end'];
    const gotB = await take(onB, 4);
    assert.deepEqual(
      gotB.filter((s) => s.includes('r1')),
      expected,
    );
    assert.ok(gotB.includes('bishop.live.tokens.r2=from b'));
    const gotA = await take(onA, 4);
    assert.deepEqual(
      gotA.filter((s) => s.includes('r1')),
      expected,
    );
  });

  it('does not hand a listener a signal its own process sent before it listened', async () => {
    const a = await createInProcessBus({ sql: sqlA, schema });
    buses.push(a);
    a.signal('bishop.live.changes.u1', text('early'));
    const listener = a.listen('bishop.live.changes.>');
    a.signal('bishop.live.changes.u1', text('late'));
    assert.deepEqual(await take(listener, 1), ['bishop.live.changes.u1=late']);
  });
});

// Two installs (or test runs) sharing one NATS server: each sees only its own subjects, named as if alone.
describe('namespaced NATS bus', () => {
  const namespaces = [uniquePrefix('ns'), uniquePrefix('ns')];
  const opened: { bus: Bus; drop(): Promise<void> }[] = [];
  after(async () => {
    for (const { bus, drop } of opened) {
      await drop();
      await bus.close();
    }
  });
  async function open(namespace: string): Promise<Bus> {
    const nats = await createNatsBus({
      servers: testNatsUrl,
      streamName: namespace.toUpperCase(),
      subjectRoot: namespace,
    });
    const bus = createNamespacedBus(nats, namespace);
    await bus.ensureTopology();
    opened.push({ bus, drop: () => nats.deleteTopology() });
    return bus;
  }

  it('keeps subjects apart and strips the namespace on delivery', async () => {
    const [first, second] = [await open(namespaces[0] as string), await open(namespaces[1] as string)];
    await first.publish('bishop.avatar.MaterialUploaded', text('one'), { msgId: 'm1' });
    await second.publish('bishop.avatar.MaterialUploaded', text('two'), { msgId: 'm1' });
    const consumer = first.consume({
      durable: 'worker-extract',
      subjects: ['bishop.avatar.MaterialUploaded'],
      ackWaitMs: 5000,
      maxDeliver: 3,
      maxAckPending: 10,
    });
    for await (const message of consumer) {
      assert.equal(message.subject, 'bishop.avatar.MaterialUploaded');
      assert.equal(new TextDecoder().decode(message.data), 'one');
      await message.ack();
      break;
    }
    await consumer.close();
    const listener = second.listen('bishop.live.>');
    first.signal('bishop.live.changes.u1', text('not yours'));
    second.signal('bishop.live.changes.u1', text('yours'));
    assert.deepEqual(await take(listener, 1), ['bishop.live.changes.u1=yours']);
  });
});
