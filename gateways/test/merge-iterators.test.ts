import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFanout } from '../src/live/fanout.ts';
import { mergeIterators } from '../src/live/merge-iterators.ts';

describe('merged live sources', () => {
  it('yields items of every source as they come, and return() unsubscribes from all', async () => {
    const notices = createFanout<string>();
    const signals = createFanout<string>();
    const merged = mergeIterators(
      notices.subscribe(() => true),
      signals.subscribe(() => true),
    );
    signals.publish('signal 1');
    assert.deepEqual(await merged.next(), { value: 'signal 1', done: false });
    notices.publish('notice 1');
    signals.publish('signal 2');
    const two = [await merged.next(), await merged.next()].map((r) => r.value).sort();
    assert.deepEqual(two, ['notice 1', 'signal 2']);
    const waiting = merged.next();
    await merged.return?.();
    assert.equal(notices.subscriberCount + signals.subscriberCount, 0);
    assert.equal((await waiting).done, true);
  });

  it('ends once every source has ended', async () => {
    async function* two() {
      yield 1;
      yield 2;
    }
    const merged = mergeIterators(two(), two());
    const seen: number[] = [];
    for await (const value of merged) seen.push(value);
    assert.deepEqual(seen.sort(), [1, 1, 2, 2]);
  });
});
