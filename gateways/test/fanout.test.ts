import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapIterator } from '../src/graphql/resolvers/async-iterators.ts';
import { createFanout } from '../src/live/fanout.ts';

describe('local fan-out of live signals', () => {
  it('delivers each item to every subscriber whose filter accepts it, in order', async () => {
    const fanout = createFanout<number>();
    const evens = fanout.subscribe((n) => n % 2 === 0);
    const all = fanout.subscribe(() => true);
    for (const n of [1, 2, 3, 4]) fanout.publish(n);
    assert.deepEqual([(await evens.next()).value, (await evens.next()).value], [2, 4]);
    assert.deepEqual(
      await Promise.all([all.next(), all.next(), all.next(), all.next()]).then((r) => r.map((x) => x.value)),
      [1, 2, 3, 4],
    );
  });

  it('ends a waiting subscriber at once when it unsubscribes, and forgets it', async () => {
    const fanout = createFanout<number>();
    const mapped = mapIterator(
      fanout.subscribe(() => true),
      (n) => n * 10,
    );
    const pending = mapped.next();
    assert.equal(fanout.subscriberCount, 1);
    await mapped.return?.();
    assert.deepEqual(await pending, { value: undefined, done: true });
    assert.equal(fanout.subscriberCount, 0);
  });

  it('disconnects a subscriber that falls too far behind instead of growing without bound', async () => {
    const fanout = createFanout<number>({ maxQueued: 3 });
    const slow = fanout.subscribe(() => true);
    for (let n = 0; n < 5; n++) fanout.publish(n);
    assert.equal(fanout.subscriberCount, 0);
    await slow.next();
    await slow.next();
    await slow.next();
    await assert.rejects(slow.next(), /fell too far behind/);
  });

  it("calls listeners of an item's key only, at once and in order, until they stop", () => {
    const fanout = createFanout<{ chat: string; n: number }>({ keyOf: (item) => item.chat });
    const heard: string[] = [];
    const stopA = fanout.listen('a', (item) => heard.push(`a${item.n}`));
    fanout.listen('b', (item) => heard.push(`b${item.n}`));
    assert.equal(fanout.subscriberCount, 2);
    fanout.publish({ chat: 'a', n: 1 });
    fanout.publish({ chat: 'b', n: 2 });
    fanout.publish({ chat: 'c', n: 3 });
    stopA();
    stopA();
    fanout.publish({ chat: 'a', n: 4 });
    assert.deepEqual(heard, ['a1', 'b2']);
    assert.equal(fanout.subscriberCount, 1);
  });
});
