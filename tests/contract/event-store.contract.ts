import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDomainError } from '@bishop/domain';
import { type EventStore, type JsonObject, type RecordedEvent, RevisionConflictError } from '@bishop/domain/ports';
import { collectUntil, sleep, waitFor } from '../src/async.ts';
import { newEvent, newEvents, uniquePrefix } from '../src/event-fixtures.ts';

export interface EventStoreHarness {
  readonly store: EventStore;
  /** Closes the store and opens a new instance on the same storage (a process restart). */
  reopen(): Promise<EventStore>;
  teardown(): Promise<void>;
}

/**
 * The one contract every EventStore adapter passes. Tests only look at their
 * own streams (unique prefixes), so the store may be shared with other tests.
 */
export function eventStoreContract(name: string, openHarness: () => Promise<EventStoreHarness>): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    before(async () => {
      harness = await openHarness();
      store = harness.store;
    });
    after(async () => harness?.teardown());

    /** `$all` events of this test's streams after `from`, read in pages. */
    async function readAllOf(prefix: string, from: bigint): Promise<RecordedEvent[]> {
      const seen: RecordedEvent[] = [];
      let position = from;
      for (;;) {
        const page = await store.readAll({
          fromPosition: position,
          maxCount: 500,
          filter: { streamPrefixes: [prefix] },
        });
        if (page.length === 0) return seen;
        seen.push(...page);
        position = page.at(-1)?.position ?? position;
      }
    }

    describe('appending', () => {
      it('appends to a new stream and reads back type, data and the whole envelope', async () => {
        const stream = `${uniquePrefix()}-1`;
        const event = newEvent('AvatarCreated', { name: 'Ада', nested: { list: [1, 'two', null, true] } });
        const result = await store.appendToStream(stream, [event], { expectedRevision: 'noStream' });
        assert.equal(result.nextRevision, 0n);
        assert.ok(result.position > 0n, 'position is positive');
        const [read] = await store.readStream(stream);
        assert.ok(read);
        assert.equal(read.type, 'AvatarCreated');
        assert.deepEqual(read.data, event.data);
        assert.deepEqual(read.metadata, event.metadata);
        assert.equal(read.streamName, stream);
        assert.equal(read.revision, 0n);
        assert.equal(read.position, result.position);
        assert.ok(read.recordedAt instanceof Date && !Number.isNaN(read.recordedAt.getTime()));
      });

      it('returns the last revision and a growing position for batches', async () => {
        const stream = `${uniquePrefix()}-1`;
        const first = await store.appendToStream(stream, newEvents(3), { expectedRevision: 'noStream' });
        assert.equal(first.nextRevision, 2n);
        const second = await store.appendToStream(stream, newEvents(2), { expectedRevision: 2n });
        assert.equal(second.nextRevision, 4n);
        assert.ok(second.position > first.position);
        const read = await store.readStream(stream);
        assert.deepEqual(
          read.map((e) => e.revision),
          [0n, 1n, 2n, 3n, 4n],
        );
        const positions = read.map((e) => e.position);
        assert.deepEqual(
          positions,
          [...positions].sort((a, b) => (a < b ? -1 : 1)),
        );
        assert.equal(read.at(-1)?.position, second.position);
      });

      it('checks every kind of expected revision', async () => {
        const stream = `${uniquePrefix()}-1`;
        await assert.rejects(store.appendToStream(stream, newEvents(1), { expectedRevision: 'exists' }), (error) => {
          assert.ok(error instanceof RevisionConflictError);
          assert.equal(error.stream, stream);
          assert.equal(error.actual, -1n);
          return true;
        });
        await assert.rejects(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 0n }),
          RevisionConflictError,
        );
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'noStream' });
        await assert.rejects(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 'noStream' }),
          (error) => error instanceof RevisionConflictError && error.actual === 0n,
        );
        await assert.rejects(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 5n }),
          (error) => error instanceof RevisionConflictError && error.actual === 0n && error.expected === 5n,
        );
        assert.equal(
          (await store.appendToStream(stream, newEvents(1), { expectedRevision: 'exists' })).nextRevision,
          1n,
        );
        assert.equal((await store.appendToStream(stream, newEvents(1), { expectedRevision: 1n })).nextRevision, 2n);
        assert.equal((await store.appendToStream(stream, newEvents(1), { expectedRevision: 'any' })).nextRevision, 3n);
        assert.equal((await store.appendToStream(stream, newEvents(1))).nextRevision, 4n);
        assert.equal((await store.readStream(stream)).length, 5, 'rejected appends wrote nothing');
      });

      it('lets exactly one of many racing appends with the same expected revision win', async () => {
        const stream = `${uniquePrefix()}-1`;
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'noStream' });
        const racers = 12;
        const outcomes = await Promise.allSettled(
          Array.from({ length: racers }, (_, i) =>
            store.appendToStream(stream, [newEvent('Raced', { racer: i })], { expectedRevision: 0n }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        assert.equal(won.length, 1, 'one winner');
        assert.equal(lost.length, racers - 1);
        for (const o of lost) assert.ok(o.reason instanceof RevisionConflictError, String(o.reason));
        assert.equal((await store.readStream(stream)).length, 2);
      });

      it('fails only the conflicting ones of many appends to different streams made at once', async () => {
        const prefix = uniquePrefix();
        const streams = Array.from({ length: 10 }, (_, i) => `${prefix}-${i}`);
        for (const stream of streams)
          await store.appendToStream(stream, newEvents(2), { expectedRevision: 'noStream' });
        // Even streams are appended at their true revision (1), odd ones at a stale one (0).
        const outcomes = await Promise.allSettled(
          streams.map((stream, i) =>
            store.appendToStream(stream, newEvents(1 + (i % 3)), { expectedRevision: i % 2 === 0 ? 1n : 0n }),
          ),
        );
        for (const [i, outcome] of outcomes.entries()) {
          const stream = streams[i] as string;
          if (i % 2 === 0) {
            assert.equal(
              outcome.status,
              'fulfilled',
              `${stream}: ${String((outcome as PromiseRejectedResult).reason)}`,
            );
            assert.equal(outcome.value.nextRevision, 1n + BigInt(1 + (i % 3)));
            const read = await store.readStream(stream);
            assert.equal(read.at(-1)?.position, outcome.value.position, 'the position returned is its last event');
          } else {
            assert.equal(outcome.status, 'rejected');
            assert.ok(outcome.reason instanceof RevisionConflictError, String(outcome.reason));
            // Stores that say where the stream stands must say it of this stream, not of its batch-mates.
            if (outcome.reason.actual !== undefined) assert.equal(outcome.reason.actual, 1n);
            assert.equal((await store.readStream(stream)).length, 2, 'a rejected append wrote nothing');
          }
        }
      });

      it('lets exactly one of many racing stream creations win', async () => {
        const stream = `${uniquePrefix()}-1`;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.appendToStream(stream, newEvents(2), { expectedRevision: 'noStream' })),
        );
        assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
        assert.equal((await store.readStream(stream)).length, 2);
      });

      it('keeps a 1 MiB payload intact', async () => {
        const stream = `${uniquePrefix()}-1`;
        const big = 'x'.repeat(1024 * 1024 - 64);
        await store.appendToStream(stream, [newEvent('Big', { big })]);
        const [read] = await store.readStream(stream);
        const stored = (read as RecordedEvent).data.big as string;
        assert.equal(stored.length, big.length);
        assert.equal(stored, big);
      });

      it('keeps unicode exactly: Cyrillic, emoji, astral, combining, RTL, quotes and backslashes', async () => {
        const stream = `${uniquePrefix()}-юникод-🙂`;
        const text = 'Привет, мир! 👩‍🔬🇷🇺 𝔘𝔫𝔦 é = e\u0301 שלום "quoted" \\back\\slash\\ \' { } [ ] , ;';
        await store.appendToStream(stream, [newEvent('Unicode', { text, ключ: 'значение' })]);
        const [read] = await store.readStream(stream);
        assert.equal(read?.streamName, stream);
        assert.deepEqual(read?.data, { text, ключ: 'значение' });
      });

      it('keeps escapes that look like NUL but are not: "\\u0000" as text, paired surrogates, line breaks', async () => {
        const stream = `${uniquePrefix()}-escapes`;
        const data = { text: 'a \\u0000 b \\ud800', emoji: '\ud83d\ude00', lines: 'one\ntwo\tthree', 'key\\u0000': 1 };
        await store.appendToStream(stream, [newEvent('Escapes', data)]);
        assert.deepEqual((await store.readStream(stream))[0]?.data, data);
      });

      it('refuses data no projection could store (NUL or a lone surrogate, in a key or text), storing nothing', async () => {
        const stream = `${uniquePrefix()}-poison`;
        const poisons: JsonObject[] = [
          { settings: { 'holdOutShare\u0000': 1 } },
          { text: 'a\u0000b' },
          { nested: [{ '\ud800': 'x' }] },
          { name: 'broken \udfff' },
        ];
        for (const data of poisons) {
          await assert.rejects(
            store.appendToStream(stream, [newEvent('Poison', data)]),
            (error: unknown) => isDomainError(error) && error.category === 'VALIDATION',
            JSON.stringify(data),
          );
        }
        assert.deepEqual(await store.readStream(stream), []);
        assert.deepEqual(await readAllOf(stream, 0n), []);
      });

      it('handles a 10k-event stream', async () => {
        const stream = `${uniquePrefix()}-long`;
        for (let batch = 0; batch < 20; batch++) {
          await store.appendToStream(stream, newEvents(500, 'Tick', { batch }), {
            expectedRevision: batch === 0 ? 'noStream' : BigInt(batch * 500 - 1),
          });
        }
        const all = await store.readStream(stream);
        assert.equal(all.length, 10_000);
        assert.ok(
          all.every((event, i) => event.revision === BigInt(i)),
          'revisions are 0..9999 in order',
        );
        const tail = await store.readStream(stream, { direction: 'backwards', maxCount: 3 });
        assert.deepEqual(
          tail.map((e) => e.revision),
          [9999n, 9998n, 9997n],
        );
      });

      it('treats an empty append as a no-op that still checks the expected revision', async () => {
        const stream = `${uniquePrefix()}-1`;
        await store.appendToStream(stream, newEvents(2));
        const result = await store.appendToStream(stream, [], { expectedRevision: 1n });
        assert.equal(result.nextRevision, 1n);
        await assert.rejects(store.appendToStream(stream, [], { expectedRevision: 7n }), RevisionConflictError);
        assert.equal((await store.readStream(stream)).length, 2);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards and backwards from a revision with a limit', async () => {
        const stream = `${uniquePrefix()}-1`;
        await store.appendToStream(stream, newEvents(10));
        const revisions = (events: RecordedEvent[]) => events.map((e) => Number(e.revision));
        assert.deepEqual(revisions(await store.readStream(stream, { fromRevision: 4n, maxCount: 3 })), [4, 5, 6]);
        assert.deepEqual(
          revisions(await store.readStream(stream, { direction: 'backwards' })),
          [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        );
        assert.deepEqual(
          revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 2n })),
          [2, 1, 0],
        );
        assert.deepEqual(await store.readStream(stream, { fromRevision: 10n }), []);
      });

      it('reads an unknown stream as empty', async () => {
        assert.deepEqual(await store.readStream(`${uniquePrefix()}-missing`), []);
      });
    });

    describe('reading $all', () => {
      it('reads every stream in commit order from an exclusive position, with filters', async () => {
        const prefix = uniquePrefix();
        const start = await store.headPosition();
        await store.appendToStream(`${prefix}-a`, [newEvent('A1'), newEvent('A2')]);
        await store.appendToStream(`${prefix}-b`, [newEvent('B1')]);
        await store.appendToStream(`${prefix}-a`, [newEvent('A3')]);
        const all = await readAllOf(prefix, start);
        assert.deepEqual(
          all.map((e) => e.type),
          ['A1', 'A2', 'B1', 'A3'],
        );
        const second = all[1];
        assert.ok(second);
        const rest = await store.readAll({
          fromPosition: second.position,
          maxCount: 2,
          filter: { streamPrefixes: [prefix] },
        });
        assert.deepEqual(
          rest.map((e) => e.type),
          ['B1', 'A3'],
        );
        const onlyB = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [`${prefix}-b`] } });
        assert.deepEqual(
          onlyB.map((e) => e.type),
          ['B1'],
        );
        const byType = (await store.readAll({ fromPosition: start, filter: { eventTypes: ['A3', 'B1'] } })).filter(
          (e) => e.streamName.startsWith(prefix),
        );
        assert.deepEqual(
          byType.map((e) => e.type),
          ['B1', 'A3'],
        );
        assert.ok((await store.headPosition()) >= (all.at(-1)?.position ?? 0n));
      });

      it('treats LIKE wildcards in prefixes literally', async () => {
        const prefix = uniquePrefix();
        const start = await store.headPosition();
        await store.appendToStream(`${prefix}_x-1`, [newEvent('Under')]);
        await store.appendToStream(`${prefix}Ax-1`, [newEvent('Letter')]);
        const read = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [`${prefix}_x`] } });
        assert.deepEqual(
          read.map((e) => e.type),
          ['Under'],
        );
      });
    });

    describe('subscribing to $all', () => {
      it('catches up, then goes live, with a filter', async () => {
        const prefix = uniquePrefix();
        const start = await store.headPosition();
        await store.appendToStream(`${prefix}-a`, [newEvent('Old1'), newEvent('Old2')]);
        await store.appendToStream(`${uniquePrefix()}-other`, [newEvent('Elsewhere')]);
        const subscription = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
        const collecting = collectUntil(subscription, (seen) => seen.length >= 4);
        setTimeout(() => {
          void store.appendToStream(`${prefix}-b`, [newEvent('New1')]);
          void store.appendToStream(`${prefix}-a`, [newEvent('New2')]);
        }, 100);
        const seen = await collecting;
        await subscription.close();
        assert.deepEqual(seen.map((e) => e.type).slice(0, 2), ['Old1', 'Old2']);
        assert.deepEqual(new Set(seen.map((e) => e.type).slice(2)), new Set(['New1', 'New2']));
      });

      it('filters live events by type', async () => {
        const prefix = uniquePrefix();
        const wanted = `Wanted${prefix}`;
        const start = await store.headPosition();
        const subscription = store.subscribeToAll({ fromPosition: start, filter: { eventTypes: [wanted] } });
        const collecting = collectUntil(subscription, (seen) => seen.length >= 2);
        await store.appendToStream(`${prefix}-1`, [newEvent('Unwanted'), newEvent(wanted, { i: 1 })]);
        await store.appendToStream(`${prefix}-2`, [newEvent(wanted, { i: 2 })]);
        const seen = await collecting;
        await subscription.close();
        assert.deepEqual(
          seen.map((e) => e.data),
          [{ i: 1 }, { i: 2 }],
        );
      });

      it('stops yielding once closed', async () => {
        const subscription = store.subscribeToAll({ fromPosition: await store.headPosition() });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await subscription.close();
        const result = await pending;
        assert.equal(result.done, true);
      });
    });

    describe('soft delete', () => {
      it('makes the stream read as empty and continues revisions on the next append', async () => {
        const stream = `${uniquePrefix()}-1`;
        await store.appendToStream(stream, newEvents(3));
        await assert.rejects(store.deleteStream(stream, { expectedRevision: 0n }), RevisionConflictError);
        assert.equal((await store.readStream(stream)).length, 3, 'a rejected delete changes nothing');
        await store.deleteStream(stream, { expectedRevision: 2n });
        assert.deepEqual(await store.readStream(stream), []);
        assert.deepEqual(await store.readStream(stream, { direction: 'backwards' }), []);
        const again = await store.appendToStream(stream, [newEvent('Reborn')], { expectedRevision: 'any' });
        assert.ok(again.nextRevision >= 3n, 'revisions continue after a soft delete');
        const read = await store.readStream(stream);
        assert.deepEqual(
          read.map((e) => e.type),
          ['Reborn'],
        );
      });

      it('deleting an unknown stream with any expected revision is a no-op', async () => {
        await store.deleteStream(`${uniquePrefix()}-missing`);
      });
    });

    describe('concurrency', () => {
      it('delivers every committed event exactly once, in stream order, to a live subscriber while 10 writers append', async () => {
        const prefix = uniquePrefix();
        const start = await store.headPosition();
        const subscription = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
        const written = new Map<string, { stream: string; revision: bigint }>();
        const writers = 10;
        const appendsPerWriter = 40;
        const sharedStreams = [`${prefix}-shared-0`, `${prefix}-shared-1`, `${prefix}-shared-2`];

        async function writer(w: number): Promise<void> {
          for (let i = 0; i < appendsPerWriter; i++) {
            // Half the appends go to streams every writer touches (conflicts), half to the writer's own.
            const stream =
              i % 2 === 0 ? (sharedStreams[(w + i) % sharedStreams.length] as string) : `${prefix}-own-${w}`;
            const events = newEvents(1 + ((w + i) % 3), 'Concurrent', { w, i });
            try {
              const result = await store.appendToStream(stream, events, { expectedRevision: 'any' });
              events.forEach((event, k) => {
                written.set(event.metadata.eventId, {
                  stream,
                  revision: result.nextRevision - BigInt(events.length - 1 - k),
                });
              });
            } catch (error) {
              if (!(error instanceof RevisionConflictError)) throw error;
            }
          }
        }

        const seen: RecordedEvent[] = [];
        const consuming = (async () => {
          for await (const event of subscription) seen.push(event);
        })();
        await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
        await waitFor(() => seen.length >= written.size, 60_000);
        // Linger briefly: a duplicate or a phantom event would show up now.
        await sleep(300);
        await subscription.close();
        await consuming;

        const seenIds = seen.map((e) => e.metadata.eventId);
        assert.equal(new Set(seenIds).size, seenIds.length, 'no event delivered twice');
        assert.equal(seen.length, written.size, 'every committed event delivered');
        for (const event of seen) {
          const expected = written.get(event.metadata.eventId);
          assert.ok(expected, 'only committed events are delivered');
          assert.equal(event.streamName, expected.stream);
          assert.equal(event.revision, expected.revision);
        }
        for (let i = 1; i < seen.length; i++) {
          assert.ok(
            (seen[i] as RecordedEvent).position > (seen[i - 1] as RecordedEvent).position,
            'positions increase',
          );
        }
        const lastRevision = new Map<string, bigint>();
        for (const event of seen) {
          const previous = lastRevision.get(event.streamName) ?? -1n;
          assert.equal(event.revision, previous + 1n, `stream ${event.streamName} delivered in order without holes`);
          lastRevision.set(event.streamName, event.revision);
        }
        assert.deepEqual(await readAllOf(prefix, start), seen, 'a later $all read agrees with the live subscriber');
      });
    });

    describe('restart', () => {
      it('resumes a subscription from a stored checkpoint after the store is reopened', async () => {
        const prefix = uniquePrefix();
        const start = await store.headPosition();
        await store.appendToStream(`${prefix}-1`, newEvents(5, 'BeforeRestart'));
        const first = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
        const handled = await collectUntil(first, (seen) => seen.length >= 3);
        await first.close();
        const checkpoint = (handled.at(-1) as RecordedEvent).position;

        store = await harness.reopen();
        await store.appendToStream(`${prefix}-1`, newEvents(2, 'AfterRestart'));
        const second = store.subscribeToAll({ fromPosition: checkpoint, filter: { streamPrefixes: [prefix] } });
        const rest = await collectUntil(second, (seen) => seen.length >= 4);
        await second.close();
        assert.deepEqual(
          rest.map((e) => `${e.type}:${(e.data as { n: number }).n}`),
          ['BeforeRestart:3', 'BeforeRestart:4', 'AfterRestart:0', 'AfterRestart:1'],
        );
        assert.equal((await store.readStream(`${prefix}-1`)).length, 7);
      });
    });
  });
}
