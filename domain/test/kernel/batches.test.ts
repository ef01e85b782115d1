import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchesOf } from '../../src/kernel/batches.ts';

/** One turn of the event loop, as the projector and the relay pass it. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A source that hands out `ready` at once, then the rest one per timer tick (like a live subscription). */
async function* source(ready: number[], later: number[]): AsyncGenerator<number> {
  yield* ready;
  for (const item of later) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    yield item;
  }
}

async function collect(items: AsyncIterable<number[]>): Promise<number[][]> {
  const batches: number[][] = [];
  for await (const batch of items) batches.push(batch);
  return batches;
}

describe('batching a subscription', () => {
  it('puts what is at hand into one batch, up to the maximum', async () => {
    assert.deepEqual(await collect(batchesOf(source([1, 2, 3, 4, 5], []), 2, nextTurn)), [[1, 2], [3, 4], [5]]);
  });

  it('hands over events that arrive later one batch at a time, without waiting for more', async () => {
    assert.deepEqual(await collect(batchesOf(source([1, 2], [3, 4]), 10, nextTurn)), [[1, 2], [3], [4]]);
  });

  it('passes on a failing source', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error('connection lost');
    }
    await assert.rejects(collect(batchesOf(failing(), 10, nextTurn)), /connection lost/);
  });
});
