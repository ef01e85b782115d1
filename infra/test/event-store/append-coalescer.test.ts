import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppendCoalescer, type PendingAppend } from '../../src/event-store/postgres/append-coalescer.ts';

interface Item extends PendingAppend<number> {
  readonly id: number;
}

/** A coalescer whose batches finish only when the test says so, recording what each batch held. */
function harness(maxInFlight: number, maxEvents = 100) {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const submit = createAppendCoalescer<Item>({
    maxInFlight,
    maxEvents,
    send: (batch) =>
      new Promise<void>((resolve) => {
        batches.push(batch.map((item) => item.id));
        finish.push(() => {
          for (const item of batch) item.resolve(item.id);
          resolve();
        });
      }),
  });
  const results: Promise<number>[] = [];
  const append = (id: number, stream: string, eventCount = 1) =>
    results.push(new Promise<number>((resolve, reject) => submit({ id, stream, eventCount, resolve, reject })));
  const settle = async () => {
    while (finish.length) {
      finish.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, append, settle, results };
}

describe('append coalescer', () => {
  it('sends a lone append at once, alone', () => {
    const h = harness(2);
    h.append(1, 'a');
    assert.deepEqual(h.batches, [[1]]);
  });

  it('gathers appends that arrive while batches are in flight into one batch', async () => {
    const h = harness(1);
    for (let id = 1; id <= 5; id++) h.append(id, `s${id}`);
    assert.deepEqual(h.batches, [[1]]);
    await h.settle();
    assert.deepEqual(h.batches, [[1], [2, 3, 4, 5]]);
    assert.deepEqual(await Promise.all(h.results), [1, 2, 3, 4, 5]);
  });

  it('never puts two appends to one stream in a batch, and keeps their order', async () => {
    const h = harness(1);
    h.append(1, 'x');
    h.append(2, 'a');
    h.append(3, 'a');
    h.append(4, 'b');
    h.append(5, 'a');
    await h.settle();
    assert.deepEqual(h.batches, [[1], [2, 4], [3], [5]]);
  });

  it('caps a batch by events, but always sends an oversized append on its own', async () => {
    const h = harness(1, 10);
    h.append(1, 'x');
    h.append(2, 'a', 6);
    h.append(3, 'b', 6);
    h.append(4, 'c', 25);
    await h.settle();
    assert.deepEqual(h.batches, [[1], [2], [3], [4]]);
  });

  it('rejects every append of a batch whose send throws', async () => {
    const submit = createAppendCoalescer<Item>({
      maxInFlight: 1,
      maxEvents: 10,
      send: async () => {
        throw new Error('connection lost');
      },
    });
    const outcome = new Promise<number>((resolve, reject) =>
      submit({ id: 1, stream: 'a', eventCount: 1, resolve, reject }),
    );
    await assert.rejects(outcome, /connection lost/);
  });
});
