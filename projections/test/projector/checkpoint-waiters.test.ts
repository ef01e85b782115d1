import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckpointWaiters } from '../../src/projector/checkpoint-waiters.ts';
import { ReadModelsTimeoutError } from '../../src/projector/projection-error.ts';

describe('waiting for the read models to reach a position', () => {
  it('resolves at once when already there, or when the checkpoint gets there', async () => {
    const waiters = new CheckpointWaiters(10n);
    await waiters.waitFor(10n, 1000);
    let reached = false;
    const waiting = waiters.waitFor(12n, 1000).then(() => {
      reached = true;
    });
    waiters.reach(11n);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(reached, false);
    waiters.reach(15n);
    await waiting;
    assert.equal(waiters.position, 15n);
  });

  it('gives up after the timeout, saying where the read models are', async () => {
    const waiters = new CheckpointWaiters(3n);
    await assert.rejects(waiters.waitFor(7n, 10), (error: Error) => {
      assert.ok(error instanceof ReadModelsTimeoutError);
      assert.equal(error.message, 'Read models did not reach position 7 within 10 ms (they are at 3)');
      return true;
    });
  });

  it('keeps waiters waiting across a rewind, and fails them when the projector stops', async () => {
    const waiters = new CheckpointWaiters(9n);
    const waiting = waiters.waitFor(8n, 1000);
    await waiting;
    const pending = waiters.waitFor(20n, 1000);
    waiters.rewind(2n);
    assert.equal(waiters.position, 2n);
    waiters.close();
    await assert.rejects(pending, /stopped before the read models reached position 20/);
  });
});
