import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Bus, EventStore, RecordedEvent } from '@bishop/domain/ports';
import { createRelay, type Relay } from '@bishop/gateways';
import { createInProcessBus, createPgliteSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import {
  type BusWorkerOptions,
  PermanentJobError,
  RunAgainLater,
  runBusWorker,
  type WorkerLogger,
} from '@bishop/ml-workers';
import { sleep, waitFor } from '../src/async.ts';
import { newEvent, uniquePrefix } from '../src/event-fixtures.ts';
import { temporaryDirectory } from '../src/test-env.ts';

/** Captures what a worker logs, so a test can see that nothing failed in silence. */
function capturingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger: WorkerLogger = {
    info: (_fields, message) => lines.push({ level: 'info', message }),
    warn: (_fields, message) => lines.push({ level: 'warn', message }),
    error: (_fields, message) => lines.push({ level: 'error', message }),
  };
  return { logger, lines };
}

// The embedded setup of `bishop start`: PGlite event store, relay and in-process bus on one PGlite.
describe('worker runtime on relayed events (in-process bus, PGlite)', { concurrency: true }, () => {
  const root = uniquePrefix('rt');
  let dir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let sql: SqlClient;
  let store: EventStore;
  let bus: Bus;
  let relay: Relay;
  const stops: (() => Promise<void>)[] = [];

  before(async () => {
    dir = await temporaryDirectory('runtime');
    sql = await createPgliteSqlClient({ dataDir: dir.path });
    store = await createPostgresEventStore(sql);
    bus = await createInProcessBus({ sql, subjectRoot: root });
    relay = createRelay({ eventStore: store, bus, subjectRoot: root });
    await relay.start();
  });
  after(async () => {
    for (const stop of stops) await stop();
    await relay.stop();
    await bus.close();
    await store.close();
    await sql.close();
    await dir.remove();
  });

  /** Appends `count` jobs of a type of their own (so each test has its own subject) to one avatar stream. */
  async function appendJobs(count: number) {
    const type = uniquePrefix('Job');
    const events = Array.from({ length: count }, (_, n) => newEvent(type, { n }));
    await store.appendToStream(`avatar-${randomUUID()}`, events);
    return { subject: `${root}.avatar.${type}`, eventIds: events.map((e) => e.metadata.eventId) };
  }

  function worker(subject: string, options: Partial<BusWorkerOptions> & Pick<BusWorkerOptions, 'handle'>) {
    const running = runBusWorker({
      bus,
      durable: uniquePrefix('w'),
      subjects: [subject],
      concurrency: 1,
      ackWaitMs: 1000,
      maxDeliver: 3,
      backoff: { initialMs: 100, maxMs: 1000 },
      onGiveUp: async () => {},
      logger: capturingLogger().logger,
      ...options,
    });
    stops.push(() => running.stop());
    return running;
  }

  it('runs each job once with at most `concurrency` at a time, and acks it', async () => {
    const { subject, eventIds } = await appendJobs(6);
    const handled: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    worker(subject, {
      concurrency: 2,
      handle: async (job) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(100);
        running--;
        handled.push(job.metadata.eventId);
      },
    });
    await waitFor(() => handled.length === 6);
    await sleep(1500); // past the ack wait: nothing comes back
    assert.deepEqual([...handled].sort(), [...eventIds].sort());
    assert.equal(mostAtOnce, 2);
  });

  it('hands the handler the relayed event and its delivery count', async () => {
    const { subject, eventIds } = await appendJobs(1);
    let seen: { job: RecordedEvent; deliveryCount: number; subject: string } | undefined;
    worker(subject, {
      handle: async (job, context) => {
        seen = { job, deliveryCount: context.deliveryCount, subject: context.subject };
      },
    });
    await waitFor(() => seen !== undefined);
    const [stored] = await store.readAll({ filter: { eventTypes: [subject.split('.').at(-1) as string] } });
    assert.deepEqual(seen, { job: stored, deliveryCount: 1, subject });
    assert.equal(seen?.job.metadata.eventId, eventIds[0]);
  });

  it('retries a failing job with growing delays and stops once it succeeds', async () => {
    const { subject } = await appendJobs(1);
    const attempts: number[] = [];
    let gaveUp = 0;
    worker(subject, {
      handle: async () => {
        attempts.push(performance.now());
        if (attempts.length < 3) throw new Error('model server busy');
      },
      onGiveUp: async () => {
        gaveUp++;
      },
    });
    await waitFor(() => attempts.length === 3);
    await sleep(1200);
    assert.equal(attempts.length, 3);
    assert.equal(gaveUp, 0);
    const [first = 0, second = 0, third = 0] = attempts;
    assert.ok(second - first >= 90, `first retry after ${second - first} ms, backoff 100 ms`);
    assert.ok(third - second >= 190, `second retry after ${third - second} ms, backoff 200 ms`);
  });

  it('gives up after maxDeliver attempts: onGiveUp once with the last error, then no more deliveries', async () => {
    const { subject } = await appendJobs(1);
    let attempts = 0;
    const givenUp: unknown[] = [];
    worker(subject, {
      handle: async () => {
        attempts++;
        throw new Error(`attempt ${attempts} failed`);
      },
      onGiveUp: async (_job, error) => {
        givenUp.push(error);
      },
    });
    await waitFor(() => givenUp.length === 1);
    await sleep(1500);
    assert.equal(attempts, 3);
    assert.equal(givenUp.length, 1);
    assert.match(String(givenUp[0]), /attempt 3 failed/);
  });

  it('runs a job again after the delay it asks for (RunAgainLater), without warning or giving up', async () => {
    const { subject } = await appendJobs(1);
    const attempts: number[] = [];
    let gaveUp = 0;
    const { logger, lines } = capturingLogger();
    worker(subject, {
      logger,
      handle: async (_job, { deliveryCount }) => {
        attempts.push(performance.now());
        if (deliveryCount === 1) throw new RunAgainLater('first pass done', 300);
      },
      onGiveUp: async () => {
        gaveUp++;
      },
    });
    await waitFor(() => attempts.length === 2);
    await sleep(1200);
    assert.equal(attempts.length, 2);
    assert.equal(gaveUp, 0);
    const [first = 0, second = 0] = attempts;
    assert.ok(second - first >= 280, `run again after ${second - first} ms, asked for 300 ms`);
    assert.deepEqual(
      lines.filter((line) => line.level !== 'info'),
      [],
    );
  });

  it('gives up at once on a permanent error', async () => {
    const { subject } = await appendJobs(1);
    let attempts = 0;
    const givenUp: unknown[] = [];
    worker(subject, {
      handle: async () => {
        attempts++;
        throw new PermanentJobError({ reasonCode: 'UNREADABLE_FILE', reason: 'The PDF is damaged' });
      },
      onGiveUp: async (_job, error) => {
        givenUp.push(error);
      },
    });
    await waitFor(() => givenUp.length === 1);
    await sleep(1200);
    assert.equal(attempts, 1);
    assert.equal((givenUp[0] as PermanentJobError).failure.reasonCode, 'UNREADABLE_FILE');
  });

  it('keeps a job whose failure could not be recorded, and records it on a later delivery', async () => {
    const { subject } = await appendJobs(1);
    let giveUpCalls = 0;
    const { logger, lines } = capturingLogger();
    worker(subject, {
      logger,
      handle: async () => {
        throw new PermanentJobError({ reasonCode: 'UNREADABLE_FILE', reason: 'Not a PDF' });
      },
      onGiveUp: async () => {
        giveUpCalls++;
        if (giveUpCalls === 1) throw new Error('event store unavailable');
      },
    });
    await waitFor(() => giveUpCalls === 2);
    await sleep(1200);
    assert.equal(giveUpCalls, 2);
    assert.ok(lines.some((line) => line.level === 'error' && /recording a failed job failed/.test(line.message)));
  });

  it('records a job whose worker stopped during every attempt as failed, without running it again', async () => {
    // As a process killed mid-job (out of memory on a hostile file) leaves it: started, never settled.
    const { subject } = await appendJobs(1);
    const durable = uniquePrefix('w');
    const started: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const stopping = worker(subject, {
        durable,
        ackWaitMs: 30_000,
        drainTimeoutMs: 50,
        handle: async (_job, context) => {
          started.push(context.deliveryCount);
          await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
        },
      });
      await waitFor(() => started.length === attempt, 3000);
      await stopping.stop();
    }
    const givenUp: unknown[] = [];
    let ranAgain = false;
    worker(subject, {
      durable,
      ackWaitMs: 30_000,
      handle: async () => {
        ranAgain = true;
      },
      onGiveUp: async (_job, error) => {
        givenUp.push(error);
      },
    });
    await waitFor(() => givenUp.length === 1, 3000);
    await sleep(500);
    assert.deepEqual(started, [1, 2, 3]);
    assert.equal(ranAgain, false);
    assert.equal(givenUp.length, 1);
    assert.equal((givenUp[0] as PermanentJobError).failure.reasonCode, 'INTERRUPTED');
    assert.match((givenUp[0] as PermanentJobError).failure.reason, /interrupted 3 times before it could finish/);
  });

  it('heartbeats a job longer than the ack wait, so it is not redelivered', async () => {
    const { subject } = await appendJobs(1);
    const deliveries: number[] = [];
    worker(subject, {
      ackWaitMs: 400,
      handle: async (_job, context) => {
        deliveries.push(context.deliveryCount);
        await sleep(1500);
      },
    });
    await waitFor(() => deliveries.length === 1);
    await sleep(2500);
    assert.deepEqual(deliveries, [1]);
  });

  it('drains on stop: running jobs finish and are acked', async () => {
    const { subject } = await appendJobs(1);
    const durable = uniquePrefix('w');
    let finished = false;
    let started = false;
    const first = worker(subject, {
      durable,
      ackWaitMs: 500,
      handle: async () => {
        started = true;
        await sleep(700);
        finished = true;
      },
    });
    await waitFor(() => started);
    await first.stop();
    assert.ok(finished, 'stop() waited for the running job');
    let redelivered = false;
    worker(subject, {
      durable,
      handle: async () => {
        redelivered = true;
      },
    });
    await sleep(1200);
    assert.equal(redelivered, false);
  });

  it('hands a job that outlives the drain timeout back to the bus, aborting its handler', async () => {
    const { subject } = await appendJobs(1);
    const durable = uniquePrefix('w');
    let aborted = false;
    let started = false;
    const first = worker(subject, {
      durable,
      ackWaitMs: 30_000,
      drainTimeoutMs: 200,
      handle: async (_job, context) => {
        started = true;
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
        aborted = true;
      },
    });
    await waitFor(() => started);
    await first.stop();
    assert.ok(aborted);
    const deliveries: number[] = [];
    worker(subject, {
      durable,
      ackWaitMs: 30_000,
      handle: async (_job, context) => {
        deliveries.push(context.deliveryCount);
      },
    });
    // Long before the 30 s ack wait: the stopped worker gave it back.
    await waitFor(() => deliveries.length === 1, 3000);
    assert.deepEqual(deliveries, [2]);
  });

  it('terminates and logs a message that is not a relayed event', async () => {
    const subject = `${root}.avatar.${uniquePrefix('Garbage')}`;
    await bus.publish(subject, new TextEncoder().encode('not json'), { msgId: randomUUID() });
    const { logger, lines } = capturingLogger();
    let handled = 0;
    worker(subject, {
      logger,
      ackWaitMs: 300,
      handle: async () => {
        handled++;
      },
    });
    await waitFor(() => lines.some((line) => line.level === 'error'));
    await sleep(900);
    assert.equal(handled, 0);
    assert.equal(lines.filter((line) => line.level === 'error').length, 1);
  });
});
