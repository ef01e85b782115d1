import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type Bus,
  type BusMessage,
  type Consumer,
  type ConsumerOptions,
  type Signal,
  UnroutableSubjectError,
} from '@bishop/domain/ports';
import { uniquePrefix } from '../src/event-fixtures.ts';

/** Reads a consumer with timeouts; one pull stays outstanding across calls, so no message is lost to a timeout. */
export interface MessageReader {
  /** The next message, failing after `timeoutMs`. */
  next(timeoutMs?: number): Promise<BusMessage>;
  /** Fails if a message arrives within `ms`. */
  nothingWithin(ms: number): Promise<void>;
}

export function readerOf(consumer: AsyncIterable<BusMessage>): MessageReader {
  const iterator = consumer[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<BusMessage>> | undefined;
  const TIMEOUT = Symbol('timeout');
  async function race(ms: number): Promise<BusMessage | typeof TIMEOUT> {
    pending ??= iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      pending,
      new Promise<typeof TIMEOUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMEOUT), ms);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === TIMEOUT) return TIMEOUT;
    pending = undefined;
    if (outcome.done) throw new Error('the consumer ended');
    return outcome.value;
  }
  return {
    async next(timeoutMs = 5000) {
      const message = await race(timeoutMs);
      if (message === TIMEOUT) throw new Error(`no message within ${timeoutMs} ms`);
      return message;
    },
    async nothingWithin(ms) {
      const message = await race(ms);
      if (message !== TIMEOUT) {
        assert.fail(`expected no message within ${ms} ms, got #${message.seq} (delivery ${message.deliveryCount})`);
      }
    },
  };
}

export interface BusHarness {
  readonly bus: Bus;
  /** The stream stores `<root>.>`; unique per harness so runs never meet on a shared server. */
  readonly root: string;
  /** Closes the bus and opens a new one on the same storage (a process restart). */
  reopen(): Promise<Bus>;
  teardown(): Promise<void>;
}

/** The NATS server with JetStream tests use (CI starts one on 127.0.0.1:4222). */
export const testNatsUrl = process.env.BISHOP_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Short enough to keep the suite quick, long enough to tell "before" from "after" on a busy machine. */
const ACK_WAIT_MS = 800;
const text = (value: string) => new TextEncoder().encode(value);
const textOf = (message: { data: Uint8Array }) => new TextDecoder().decode(message.data);

/**
 * The one contract every Bus adapter passes. Each test works under its own
 * subject token with its own durables, so the tests can run concurrently
 * on one stream, and suites on one shared server.
 */
export function busContract(name: string, openHarness: () => Promise<BusHarness>): void {
  describe(`Bus contract: ${name}`, () => {
    let harness: BusHarness;
    const bus = () => harness.bus;
    const open: Consumer[] = [];
    before(async () => {
      harness = await openHarness();
      await harness.bus.ensureTopology();
    });
    after(async () => {
      for (const consumer of open) await consumer.close();
      await harness?.teardown();
    });

    /** A fresh subject space and durable name for one test. */
    function scope() {
      const token = uniquePrefix('s');
      return {
        subject: (...rest: string[]) => [harness.root, token, ...rest].join('.'),
        durable: uniquePrefix('d'),
      };
    }

    function consume(options: Partial<ConsumerOptions> & Pick<ConsumerOptions, 'durable' | 'subjects'>, on = bus()) {
      const consumer = on.consume({ ackWaitMs: ACK_WAIT_MS, maxDeliver: 5, maxAckPending: 100, ...options });
      open.push(consumer);
      return { consumer, reader: readerOf(consumer) };
    }

    async function publishAll(subject: string, bodies: readonly string[]) {
      for (const body of bodies) await bus().publish(subject, text(body), { msgId: randomUUID() });
    }

    async function takeAll(reader: MessageReader, count: number): Promise<BusMessage[]> {
      const taken: BusMessage[] = [];
      for (let i = 0; i < count; i++) taken.push(await reader.next());
      return taken;
    }

    /** Takes and acks each at once, so a slow machine cannot push one past its ack wait. */
    async function ackAll(reader: MessageReader, count: number): Promise<BusMessage[]> {
      const taken: BusMessage[] = [];
      for (let i = 0; i < count; i++) {
        const message = await reader.next();
        await message.ack();
        taken.push(message);
      }
      return taken;
    }

    describe('stream and relay checkpoint', () => {
      it('reports no last message for an empty stream, then the headers of the newest one', async () => {
        assert.equal(await bus().lastMessageHeaders(), null);
        const { subject } = scope();
        await bus().publish(subject('a'), text('1'), { msgId: randomUUID(), headers: { 'Bishop-Position': '41' } });
        await bus().publish(subject('b'), text('2'), { msgId: randomUUID(), headers: { 'Bishop-Position': '42' } });
        assert.deepEqual(await bus().lastMessageHeaders(), { 'Bishop-Position': '42' });
      });

      it('keeps messages when the topology is ensured again', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('x'), ['kept']);
        await bus().ensureTopology();
        const { reader } = consume({ durable, subjects: [subject('>')] });
        assert.equal(textOf(await reader.next()), 'kept');
      });
    });

    describe('delivery', { concurrency: true }, () => {
      it('delivers subject, data, msgId and headers once, in order, and an acked message never again', async () => {
        const { subject, durable } = scope();
        const ids = [randomUUID(), randomUUID(), randomUUID()];
        for (const [i, msgId] of ids.entries()) {
          await bus().publish(subject('job'), text(`body ${i}`), { msgId, headers: { 'Bishop-N': String(i) } });
        }
        const { reader } = consume({ durable, subjects: [subject('job')] });
        const messages = await ackAll(reader, 3);
        assert.deepEqual(
          messages.map((m) => [m.subject, textOf(m), m.msgId, m.headers['Bishop-N'], m.deliveryCount]),
          ids.map((msgId, i) => [subject('job'), `body ${i}`, msgId, String(i), 1]),
        );
        assert.ok(
          messages.every((m, i) => i === 0 || m.seq > (messages[i - 1]?.seq ?? 0)),
          'seq grows',
        );
        await reader.nothingWithin(ACK_WAIT_MS * 1.5);
      });

      it('drops a republished msgId and reports the duplicate with the original sequence', async () => {
        const { subject, durable } = scope();
        const msgId = randomUUID();
        const first = await bus().publish(subject('e'), text('first'), { msgId });
        const again = await bus().publish(subject('e'), text('again'), { msgId });
        assert.equal(first.duplicate, false);
        assert.deepEqual(again, { seq: first.seq, duplicate: true });
        const { reader } = consume({ durable, subjects: [subject('e')] });
        const message = await reader.next();
        assert.equal(textOf(message), 'first');
        await message.ack();
        await reader.nothingWithin(300);
      });

      it('rejects subjects outside the stream and malformed ones', async () => {
        await assert.rejects(
          bus().publish(`${uniquePrefix('elsewhere')}.x`, text('x'), { msgId: randomUUID() }),
          UnroutableSubjectError,
        );
        await assert.rejects(
          bus().publish(`${harness.root}..x`, text('x'), { msgId: randomUUID() }),
          /Invalid subject/,
        );
        await assert.rejects(bus().publish(`${harness.root}.*`, text('x'), { msgId: randomUUID() }), /Invalid subject/);
        assert.throws(
          () => bus().consume({ durable: 'bad.name', subjects: ['x'], ackWaitMs: 1, maxDeliver: 1, maxAckPending: 1 }),
          /durable/,
        );
        assert.throws(
          () => bus().consume({ durable: 'ok', subjects: ['a.>.b'], ackWaitMs: 1, maxDeliver: 1, maxAckPending: 1 }),
          /filter/,
        );
        assert.throws(
          () => bus().consume({ durable: 'ok', subjects: ['a'], ackWaitMs: 0, maxDeliver: 1, maxAckPending: 1 }),
          /ackWaitMs/,
        );
      });

      it('redelivers a nak with delay after the delay and not before', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('n'), ['retry me']);
        const { reader } = consume({ durable, subjects: [subject('n')] });
        const first = await reader.next();
        const nakedAt = performance.now();
        first.nak(1200);
        await reader.nothingWithin(900);
        const again = await reader.next();
        assert.ok(performance.now() - nakedAt >= 1100, 'not redelivered before the delay');
        assert.equal(textOf(again), 'retry me');
        assert.equal(again.deliveryCount, 2);
        await again.ack();
      });

      it('redelivers a plain nak at once', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('n'), ['again']);
        const { reader } = consume({ durable, subjects: [subject('n')] });
        (await reader.next()).nak();
        const again = await reader.next(ACK_WAIT_MS / 2);
        assert.equal(again.deliveryCount, 2);
        await again.ack();
      });

      it('redelivers an unacked message after the ack wait, with deliveryCount 2', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('w'), ['slow']);
        const { reader } = consume({ durable, subjects: [subject('w')] });
        const first = await reader.next();
        assert.equal(first.deliveryCount, 1);
        await reader.nothingWithin(ACK_WAIT_MS * 0.6);
        const again = await reader.next(ACK_WAIT_MS * 3);
        assert.equal(again.deliveryCount, 2);
        assert.equal(again.seq, first.seq);
        await again.ack();
      });

      it('never redelivers while working() keeps extending the ack wait', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('long'), ['long job']);
        const { reader } = consume({ durable, subjects: [subject('long')] });
        const message = await reader.next();
        const heartbeat = setInterval(() => message.working(), ACK_WAIT_MS / 3);
        try {
          await reader.nothingWithin(ACK_WAIT_MS * 3);
        } finally {
          clearInterval(heartbeat);
        }
        await message.ack();
        await reader.nothingWithin(ACK_WAIT_MS * 1.5);
      });

      it('stops redelivering after maxDeliver deliveries', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('p'), ['poison']);
        const { reader } = consume({ durable, subjects: [subject('p')], maxDeliver: 2 });
        assert.equal((await reader.next()).deliveryCount, 1);
        assert.equal((await reader.next(ACK_WAIT_MS * 3)).deliveryCount, 2);
        await reader.nothingWithin(ACK_WAIT_MS * 2.5);
      });

      it('never redelivers a terminated message', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('t'), ['hopeless', 'next']);
        const { reader } = consume({ durable, subjects: [subject('t')] });
        (await reader.next()).term('recorded as failed');
        const next = await reader.next();
        assert.equal(textOf(next), 'next');
        await next.ack();
        await reader.nothingWithin(ACK_WAIT_MS * 2);
      });

      it('hands out at most maxAckPending unacked messages', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('q'), ['1', '2', '3', '4']);
        const { reader } = consume({ durable, subjects: [subject('q')], maxAckPending: 2, ackWaitMs: 10_000 });
        const [first] = await takeAll(reader, 2);
        await reader.nothingWithin(500);
        await first?.ack();
        assert.equal(textOf(await reader.next()), '3');
      });

      it('keeps a durable position when its consumer closes and another opens', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('k'), ['1', '2', '3', '4']);
        const first = consume({ durable, subjects: [subject('k')] });
        await ackAll(first.reader, 2);
        await first.consumer.close();
        const second = consume({ durable, subjects: [subject('k')] });
        const rest = await ackAll(second.reader, 2);
        assert.deepEqual(rest.map(textOf), ['3', '4']);
        assert.ok(rest.every((m) => m.deliveryCount === 1));
      });

      it('redelivers the job of a worker that died mid-job to another worker of the same durable', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('job'), ['interrupted']);
        const dying = consume({ durable, subjects: [subject('job')] });
        const survivor = consume({ durable, subjects: [subject('job')] });
        const taken = await dying.reader.next();
        await dying.consumer.close();
        const again = await survivor.reader.next(ACK_WAIT_MS * 3);
        assert.equal(again.seq, taken.seq);
        assert.equal(again.deliveryCount, 2);
        await again.ack();
      });

      it('shares one durable between two iterators: each message goes to one of them', async () => {
        const { subject, durable } = scope();
        const bodies = ['1', '2', '3', '4', '5', '6'];
        await publishAll(subject('s'), bodies);
        const readers = [
          consume({ durable, subjects: [subject('s')] }),
          consume({ durable, subjects: [subject('s')] }),
        ];
        const seen = await Promise.all(
          readers.map(async ({ reader }) => {
            const got: string[] = [];
            for (;;) {
              const message = await reader.next(1500).catch(() => null);
              if (!message) return got;
              got.push(textOf(message));
              await message.ack();
            }
          }),
        );
        assert.deepEqual(seen.flat().sort(), bodies);
      });

      it('gives every durable its own copy of each message, including a durable created later', async () => {
        const { subject } = scope();
        await publishAll(subject('all'), ['a', 'b']);
        for (const durable of [uniquePrefix('d'), uniquePrefix('d')]) {
          const { reader } = consume({ durable, subjects: [subject('all')] });
          assert.deepEqual((await ackAll(reader, 2)).map(textOf), ['a', 'b']);
        }
      });

      it('delivers only subjects matching the filters, with * and > wildcards', async () => {
        const { subject, durable } = scope();
        for (const leaf of ['a.x', 'a.y', 'b.x', 'b.y.z', 'c.x']) await publishAll(subject(leaf), [leaf]);
        const several = consume({ durable, subjects: [subject('a', '*'), subject('b', '>')] });
        const got = await ackAll(several.reader, 4);
        assert.deepEqual(got.map(textOf), ['a.x', 'a.y', 'b.x', 'b.y.z']);
        await several.reader.nothingWithin(300);
        const starred = consume({ durable: uniquePrefix('d'), subjects: [subject('*', 'x')] });
        assert.deepEqual((await ackAll(starred.reader, 3)).map(textOf), ['a.x', 'b.x', 'c.x']);
        await starred.reader.nothingWithin(300);
      });
    });

    describe('signals', () => {
      it('reach current listeners whose filter matches, wildcards included, and are never stored', async () => {
        const { subject, durable } = scope();
        const exact = bus().listen(subject('reply', 'r1'));
        const star = bus().listen(subject('reply', '*'));
        const tail = bus().listen(subject('>'));
        bus().signal(subject('reply', 'r1'), text('token 1'));
        bus().signal(subject('notice', 'avatar'), text('changed'));
        const collect = async (listener: AsyncIterable<Signal>, count: number) => {
          const got: string[] = [];
          for await (const signal of listener) {
            got.push(`${signal.subject.slice(subject().length)}=${textOf(signal)}`);
            if (got.length === count) break;
          }
          return got;
        };
        assert.deepEqual(await collect(exact, 1), ['.reply.r1=token 1']);
        assert.deepEqual(await collect(star, 1), ['.reply.r1=token 1']);
        assert.deepEqual(await collect(tail, 2), ['.reply.r1=token 1', '.notice.avatar=changed']);
        const { reader } = consume({ durable, subjects: [subject('>')] });
        await reader.nothingWithin(300);
      });

      it('are not kept for listeners that start later', async () => {
        const { subject } = scope();
        bus().signal(subject('early'), text('missed'));
        const listener = bus().listen(subject('>'));
        bus().signal(subject('late'), text('heard'));
        for await (const signal of listener) {
          assert.equal(textOf(signal), 'heard');
          break;
        }
      });
    });

    describe('restart', () => {
      it('keeps acked positions and pending messages across a restart of the bus', async () => {
        const { subject, durable } = scope();
        await publishAll(subject('r'), ['1', '2', '3']);
        const before = consume({ durable, subjects: [subject('r')] });
        await (await before.reader.next()).ack();
        const unacked = await before.reader.next();
        const restarted = await harness.reopen();
        const after = consume({ durable, subjects: [subject('r')] }, restarted);
        const messages = await takeAll(after.reader, 2);
        assert.deepEqual(messages.map(textOf).sort(), ['2', '3']);
        assert.equal(messages.find((m) => m.seq === unacked.seq)?.deliveryCount, 2);
        for (const message of messages) await message.ack();
      });
    });
  });
}
