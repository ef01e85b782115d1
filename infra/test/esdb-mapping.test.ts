import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { type EventMetadata, type NewEvent, type RecordedEvent, RevisionConflictError } from '@bishop/domain/ports';
import { AppendTooLargeError, appendSizeOf, assertAppendFits } from '../src/event-store/esdb/esdb-append-size.ts';
import {
  decodeMetadata,
  decodeStoredEvent,
  encodeEvent,
  type StoredEvent,
  selectFromAll,
} from '../src/event-store/esdb/esdb-event-codec.ts';
import {
  chooseServerFilter,
  exactEventTypesRegex,
  isSystemEvent,
  matchesFilter,
} from '../src/event-store/esdb/esdb-filters.ts';
import {
  commitPositionOf,
  comparePositions,
  isAfter,
  isPastCursor,
  storePositionAt,
} from '../src/event-store/esdb/esdb-positions.ts';
import {
  checkExpectedRevision,
  toActualRevision,
  toStoreExpectedRevision,
} from '../src/event-store/esdb/esdb-revisions.ts';
import { createEventSubscription, type SourceSubscription } from '../src/event-store/esdb/esdb-subscription.ts';

function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    eventId: randomUUID(),
    commandId: 'c1',
    correlationId: 'c1',
    causationId: 'c1',
    actorId: 'user:1',
    schemaVersion: 1,
    occurredAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function stored(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    streamId: 'avatar-1',
    type: 'AvatarCreated',
    revision: 0n,
    created: new Date('2025-01-01T00:00:01.000Z'),
    isJson: true,
    data: { name: 'Ада' },
    metadata: metadata(),
    position: { commit: 1234n, prepare: 1234n },
    ...overrides,
  };
}

describe('expected revisions', () => {
  it('maps our vocabulary to the client constants', () => {
    assert.equal(toStoreExpectedRevision('any'), 'any');
    assert.equal(toStoreExpectedRevision('noStream'), 'no_stream');
    assert.equal(toStoreExpectedRevision('exists'), 'stream_exists');
    assert.equal(toStoreExpectedRevision(0n), 0n);
    assert.equal(toStoreExpectedRevision(41n), 41n);
  });

  it('reads -1n (the nextRevision of an empty append to a missing stream) as "no stream"', () => {
    assert.equal(toStoreExpectedRevision(-1n), 'no_stream');
  });

  it('rejects revisions below -1n', () => {
    assert.throws(() => toStoreExpectedRevision(-2n), RangeError);
  });

  it('maps the server-reported current revision to our actual revision', () => {
    assert.equal(toActualRevision('no_stream'), -1n);
    assert.equal(toActualRevision(7n), 7n);
    assert.equal(toActualRevision(undefined), undefined);
  });

  describe('when checked against a revision we read', () => {
    const cases: [ExpectedRevisionCase, bigint, boolean][] = [
      ['any', -1n, true],
      ['any', 3n, true],
      ['noStream', -1n, true],
      ['noStream', 0n, false],
      ['exists', -1n, false],
      ['exists', 0n, true],
      [2n, 2n, true],
      [2n, 3n, false],
      [0n, -1n, false],
      [-1n, -1n, true],
    ];
    for (const [expected, actual, holds] of cases) {
      it(`${holds ? 'accepts' : 'rejects'} ${String(expected)} at ${actual}`, () => {
        if (holds) return checkExpectedRevision('s-1', expected, actual);
        assert.throws(
          () => checkExpectedRevision('s-1', expected, actual),
          (error) =>
            error instanceof RevisionConflictError &&
            error.stream === 's-1' &&
            error.expected === expected &&
            error.actual === actual,
        );
      });
    }
  });
});

type ExpectedRevisionCase = 'any' | 'noStream' | 'exists' | bigint;

describe('positions', () => {
  it('starts after a checkpoint at that exact commit/prepare pair, or at the start', () => {
    assert.deepEqual(storePositionAt(500n), { commit: 500n, prepare: 500n });
    assert.equal(storePositionAt(undefined), undefined);
    assert.equal(storePositionAt(0n), undefined, '0n means nothing handled yet');
  });

  it('keeps real commit positions and rejects absent, zero and u64::MAX ones', () => {
    assert.equal(commitPositionOf({ commit: 42n, prepare: 42n }), 42n);
    assert.equal(commitPositionOf(undefined), undefined);
    assert.equal(commitPositionOf({ commit: 0n, prepare: 0n }), undefined);
    assert.equal(commitPositionOf({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }), undefined);
  });

  it('is strictly after an exclusive checkpoint', () => {
    assert.equal(isAfter(10n, undefined), true);
    assert.equal(isAfter(10n, 9n), true);
    assert.equal(isAfter(10n, 10n), false);
    assert.equal(isAfter(10n, 11n), false);
  });

  it('moves a paged read past its cursor in the read direction only', () => {
    const at = (p: bigint) => ({ commit: p, prepare: p });
    assert.equal(isPastCursor(at(5n), undefined, 'forwards'), true, 'no cursor yet: first page');
    assert.equal(isPastCursor(at(5n), undefined, 'backwards'), true, 'no cursor yet: first page');
    assert.equal(isPastCursor(at(6n), at(5n), 'forwards'), true);
    assert.equal(isPastCursor(at(5n), at(5n), 'forwards'), false, 'the inclusive page start is skipped');
    assert.equal(isPastCursor(at(4n), at(5n), 'backwards'), true);
    assert.equal(isPastCursor(at(5n), at(5n), 'backwards'), false);
    assert.equal(isPastCursor(at(6n), at(5n), 'backwards'), false);
  });

  it('orders by commit, then prepare', () => {
    assert.equal(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 0n }), -1);
    assert.equal(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 0n }), 1);
    assert.equal(comparePositions({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 2n }), 0);
  });
});

describe('filters', () => {
  it('lets the server filter by stream prefix when only prefixes are given', () => {
    assert.deepEqual(chooseServerFilter({ streamPrefixes: ['avatar-', 'chat-'] }), {
      kind: 'streamPrefixes',
      prefixes: ['avatar-', 'chat-'],
    });
  });

  it('lets the server filter by an exact type regex when only types are given', () => {
    assert.deepEqual(chooseServerFilter({ eventTypes: ['A', 'B'] }), { kind: 'eventTypes', regex: '^(?:A|B)$' });
  });

  it('falls back to excluding system events when both kinds are given (the server takes one kind)', () => {
    assert.deepEqual(chooseServerFilter({ streamPrefixes: ['a-'], eventTypes: ['B'] }), {
      kind: 'excludeSystemEvents',
    });
  });

  it('treats an absent filter and empty lists alike: everything but system events', () => {
    for (const filter of [undefined, {}, { streamPrefixes: [] }, { streamPrefixes: [], eventTypes: [] }]) {
      assert.deepEqual(chooseServerFilter(filter), { kind: 'excludeSystemEvents' });
      assert.equal(matchesFilter({ streamName: 'x-1', type: 'T' }, filter), true);
    }
    assert.deepEqual(chooseServerFilter({ streamPrefixes: [], eventTypes: ['T'] }), {
      kind: 'eventTypes',
      regex: '^(?:T)$',
    });
  });

  it('builds a type regex that matches the listed types exactly, metacharacters included', () => {
    const regex = new RegExp(exactEventTypesRegex(['Avatar.Created', 'A+B', 'Plain']));
    assert.ok(regex.test('Avatar.Created'));
    assert.ok(regex.test('A+B'));
    assert.ok(regex.test('Plain'));
    assert.ok(!regex.test('AvatarXCreated'), 'a dot is literal');
    assert.ok(!regex.test('AAB'));
    assert.ok(!regex.test('PlainOld'), 'anchored at the end');
    assert.ok(!regex.test('NotPlain'), 'anchored at the start');
  });

  it('matches a stream prefix OR a listed type, prefixes literally', () => {
    const filter = { streamPrefixes: ['t1_x'], eventTypes: ['Wanted'] };
    assert.equal(matchesFilter({ streamName: 't1_x-1', type: 'Other' }, filter), true);
    assert.equal(matchesFilter({ streamName: 'elsewhere', type: 'Wanted' }, filter), true);
    assert.equal(matchesFilter({ streamName: 't1Ax-1', type: 'Other' }, filter), false, '_ is not a wildcard');
  });

  it('knows system events by stream or type', () => {
    assert.equal(isSystemEvent('$$avatar-1', '$metadata'), true);
    assert.equal(isSystemEvent('$ce-avatar', '$>'), true);
    assert.equal(isSystemEvent('avatar-1', '$>'), true);
    assert.equal(isSystemEvent('avatar-1', 'AvatarCreated'), false);
  });
});

describe('event encoding', () => {
  it('uses the envelope eventId as the store id and keeps the whole envelope as metadata', () => {
    const event: NewEvent = { type: 'T', data: { a: 1 }, metadata: metadata({ dataSubject: 'avatar-1' }) };
    assert.deepEqual(encodeEvent('s-1', event), {
      id: event.metadata.eventId,
      type: 'T',
      data: { a: 1 },
      metadata: event.metadata,
    });
  });

  it('refuses an eventId that is not a UUID, naming the stream', () => {
    const event: NewEvent = { type: 'T', data: {}, metadata: metadata({ eventId: 'evt-1' }) };
    assert.throws(() => encodeEvent('s-1', event), /s-1.*evt-1/);
  });
});

describe('metadata decoding', () => {
  it('accepts our envelope and keeps optional and unknown fields as written', () => {
    const written = { ...metadata({ dataSubject: 'avatar-1' }), erasedFields: ['name'] };
    const decoded = decodeMetadata(written);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.value, written);
  });

  it('rejects what is not our envelope, saying why', () => {
    const { commandId: _dropped, ...withoutCommandId } = metadata();
    const cases: [unknown, RegExp][] = [
      [undefined, /not a JSON object/],
      ['text', /not a JSON object/],
      [[1, 2], /not a JSON object/],
      [new Uint8Array([1, 2]), /not a JSON object/],
      [withoutCommandId, /commandId/],
      [{ ...metadata(), schemaVersion: '1' }, /schemaVersion/],
      [{ ...metadata(), schemaVersion: 1.5 }, /schemaVersion/],
      [{ ...metadata(), dataSubject: 7 }, /dataSubject/],
    ];
    for (const [value, reason] of cases) {
      const decoded = decodeMetadata(value);
      assert.ok(!decoded.ok, `rejects ${JSON.stringify(value)}`);
      assert.match(decoded.reason, reason);
    }
  });
});

describe('stored event decoding', () => {
  it('maps a stored JSON event to our RecordedEvent', () => {
    const envelope = metadata();
    const decoded = decodeStoredEvent(stored({ metadata: envelope }));
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.value, {
      type: 'AvatarCreated',
      data: { name: 'Ада' },
      metadata: envelope,
      streamName: 'avatar-1',
      revision: 0n,
      position: 1234n,
      recordedAt: new Date('2025-01-01T00:00:01.000Z'),
    } satisfies RecordedEvent);
  });

  it('rejects binary events, non-object data, missing envelopes and missing positions, naming the event', () => {
    const cases: [Partial<StoredEvent>, RegExp][] = [
      [{ isJson: false, data: new Uint8Array([1]) }, /not JSON/],
      [{ data: 'not json {' }, /data that is not a JSON object/],
      [{ data: [1, 2] }, /data that is not a JSON object/],
      [{ metadata: undefined }, /no Bishop envelope/],
      [{ position: undefined }, /\$all position/],
      [{ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } }, /\$all position/],
    ];
    for (const [overrides, reason] of cases) {
      const decoded = decodeStoredEvent(stored({ revision: 3n, ...overrides }));
      assert.ok(!decoded.ok);
      assert.match(decoded.reason, reason);
      assert.match(decoded.reason, /avatar-1@3 \(AvatarCreated\)/);
    }
  });

  it('selects from $all only our non-system events that match the filter', () => {
    assert.equal(selectFromAll({}, undefined), undefined, 'no event');
    assert.equal(selectFromAll({ event: stored({ streamId: '$$avatar-1', type: '$metadata' }) }, undefined), undefined);
    assert.equal(selectFromAll({ event: stored({ metadata: { foreign: true } }) }, undefined), undefined);
    assert.equal(selectFromAll({ event: stored() }, { streamPrefixes: ['chat-'] }), undefined);
    assert.equal(selectFromAll({ event: stored() }, { streamPrefixes: ['avatar-'] })?.position, 1234n);
    assert.equal(selectFromAll({ event: stored() }, { eventTypes: ['AvatarCreated'] })?.streamName, 'avatar-1');
  });
});

describe('append size', () => {
  it('counts data and metadata bytes (UTF-8) plus two bytes per type character, like the server', () => {
    const meta = metadata();
    const event: NewEvent = { type: 'Тип', data: { text: 'ё🙂' }, metadata: meta };
    const expected =
      Buffer.byteLength(JSON.stringify({ text: 'ё🙂' })) + Buffer.byteLength(JSON.stringify(meta)) + 'Тип'.length * 2;
    assert.equal(appendSizeOf([event, event]), expected * 2);
  });

  it('lets a 1 MiB payload through the recommended limit and refuses one over the limit, naming the stream', () => {
    const big: NewEvent = { type: 'Big', data: { big: 'x'.repeat(1024 * 1024 - 64) }, metadata: metadata() };
    assert.ok(assertAppendFits('s-1', [big], 8 * 1024 * 1024) > 1024 * 1024, 'over the server default of 1 MiB');
    assert.throws(
      () => assertAppendFits('s-1', [big], 1024 * 1024),
      (error) =>
        error instanceof AppendTooLargeError &&
        error.stream === 's-1' &&
        error.limit === 1024 * 1024 &&
        /s-1/.test(error.message) &&
        /EVENTSTORE_MAX_APPEND_SIZE/.test(error.message),
    );
  });
});

describe('subscription wrapper', () => {
  type Raw = { event?: RecordedEvent; fail?: Error };

  function recorded(position: bigint, type = 'T'): RecordedEvent {
    return {
      type,
      data: {},
      metadata: metadata(),
      streamName: 's-1',
      revision: position,
      position,
      recordedAt: new Date(0),
    };
  }

  /** A Readable like the client's subscription, with an unsubscribe that records its call. */
  function fakeSource(): { source: SourceSubscription<Raw> & PassThrough; unsubscribed: () => boolean } {
    let unsubscribedCalls = 0;
    const stream = new PassThrough({ objectMode: true, highWaterMark: 2 });
    const source = Object.assign(stream, {
      unsubscribe: async () => {
        unsubscribedCalls++;
      },
    });
    return { source, unsubscribed: () => unsubscribedCalls > 0 };
  }

  function subscribe(source: SourceSubscription<Raw>, after?: bigint, onClosed?: () => void) {
    return createEventSubscription<Raw>({
      open: () => source,
      select: (raw) => raw.event,
      after,
      ...(onClosed ? { onClosed } : {}),
    });
  }

  it('yields selected events in order, strictly after the checkpoint, each once', async () => {
    const { source } = fakeSource();
    const subscription = subscribe(source, 2n);
    const iterator = subscription[Symbol.asyncIterator]();
    for (const position of [1n, 2n, 3n, 3n, 5n]) source.write({ event: recorded(position) });
    source.write({});
    source.write({ event: recorded(4n) });
    source.write({ event: recorded(6n) });
    const seen: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      const next = await iterator.next();
      assert.ok(!next.done);
      seen.push(next.value.position);
    }
    assert.deepEqual(seen, [3n, 5n, 6n], 'at or before the checkpoint, repeats and stale positions dropped');
    await subscription.close();
  });

  it('ends a pending next() with done when closed, and unsubscribes once', async () => {
    const { source, unsubscribed } = fakeSource();
    let closedCalls = 0;
    const subscription = subscribe(source, undefined, () => closedCalls++);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    await subscription.close();
    assert.deepEqual(await pending, { done: true, value: undefined });
    assert.ok(unsubscribed());
    assert.ok(source.destroyed);
    await subscription.close();
    assert.equal(closedCalls, 1);
  });

  it('ends a for-await loop when closed from elsewhere', async () => {
    const { source } = fakeSource();
    const subscription = subscribe(source);
    const seen: bigint[] = [];
    const consuming = (async () => {
      for await (const event of subscription) {
        seen.push(event.position);
        if (seen.length === 2) setImmediate(() => void subscription.close());
      }
    })();
    for (const position of [1n, 2n]) source.write({ event: recorded(position) });
    await consuming;
    assert.deepEqual(seen, [1n, 2n]);
  });

  it('throws a server error out of the iteration and then cleans up', async () => {
    const { source, unsubscribed } = fakeSource();
    const subscription = subscribe(source);
    const iterator = subscription[Symbol.asyncIterator]();
    source.write({ event: recorded(1n) });
    assert.equal((await iterator.next()).value?.position, 1n);
    const pending = iterator.next();
    // The client emits errors without destroying the stream.
    source.emit('error', new Error('UNAVAILABLE: connection dropped'));
    await assert.rejects(pending, /connection dropped/);
    assert.ok(unsubscribed());
  });

  it('unsubscribes when the consumer stops early', async () => {
    const { source, unsubscribed } = fakeSource();
    const subscription = subscribe(source);
    source.write({ event: recorded(1n) });
    for await (const event of subscription) {
      assert.equal(event.position, 1n);
      break;
    }
    assert.ok(unsubscribed());
  });

  it('treats the server ending the subscription as an error', async () => {
    const { source } = fakeSource();
    const subscription = subscribe(source);
    const iterator = subscription[Symbol.asyncIterator]();
    source.end();
    await assert.rejects(iterator.next(), /ended the \$all subscription/);
  });

  it('does not open a subscription closed before iteration, and iterates only once', async () => {
    let opened = false;
    const subscription = createEventSubscription<Raw>({
      open: () => {
        opened = true;
        return fakeSource().source;
      },
      select: (raw) => raw.event,
      after: undefined,
    });
    await subscription.close();
    const iterator = subscription[Symbol.asyncIterator]();
    assert.deepEqual(await iterator.next(), { done: true, value: undefined });
    assert.equal(opened, false);
    assert.throws(() => subscription[Symbol.asyncIterator](), /only once/);
  });

  it('pushes back: it reads no further than the Readable buffer while the consumer waits', async () => {
    const { source } = fakeSource();
    const subscription = subscribe(source);
    const iterator = subscription[Symbol.asyncIterator]();
    let accepted = 0;
    for (let i = 1; i <= 10; i++) if (source.write({ event: recorded(BigInt(i)) })) accepted++;
    assert.equal((await iterator.next()).value?.position, 1n);
    assert.ok(accepted < 10, 'the writer was told to wait');
    await subscription.close();
  });
});
