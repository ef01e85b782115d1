/**
 * EventStore on EventStoreDB / KurrentDB, the production store. This is the only
 * file that imports the client; the helpers beside it are plain functions.
 *
 * Server requirements: EventStoreDB 22.6 or later (stream reads must carry `$all`
 * positions) started with EVENTSTORE_MAX_APPEND_SIZE >= RECOMMENDED_MAX_APPEND_SIZE
 * (8 MiB; KurrentDB: KURRENTDB_MAX_APPEND_SIZE), see esdb-append-size.ts.
 *
 * Moving to @kurrent/kurrentdb-client changes this file only:
 * - import from '@kurrent/kurrentdb-client' and use `KurrentDBClient.connectionString`
 *   (its v1 builds clients from connection strings only, and also accepts `kurrentdb://`);
 * - its `readAll` takes a server-side `filter`: pass `toClientFilter(...)` there and the
 *   client-side matching in `selectFromAll` becomes a safety net;
 * - its reads run on a new engine: rerun the contract suite to confirm that missing and
 *   deleted streams still throw StreamNotFoundError / StreamDeletedError.
 */

import { assertStorableEventData } from '@bishop/domain';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamName,
  SubscribeToAllOptions,
} from '@bishop/domain/ports';
import { DEFAULT_READ_ALL_COUNT, RevisionConflictError } from '@bishop/domain/ports';
import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  type Filter,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  type ReadPosition,
  START,
  type ReadStreamOptions as StoreReadStreamOptions,
  StreamDeletedError,
  type StreamingRead,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendTooLargeError, assertAppendFits, RECOMMENDED_MAX_APPEND_SIZE } from './esdb-append-size.ts';
import { decodeStoredEvent, encodeEvent, selectFromAll } from './esdb-event-codec.ts';
import { chooseServerFilter, type ServerFilter } from './esdb-filters.ts';
import { commitPositionOf, isAfter, isPastCursor, type StorePosition, storePositionAt } from './esdb-positions.ts';
import { checkExpectedRevision, toActualRevision, toStoreExpectedRevision } from './esdb-revisions.ts';
import { createEventSubscription } from './esdb-subscription.ts';

export interface EventStoreDbOptions {
  /**
   * `esdb://host:2113?tls=false`, or `esdb+discover://…` for a cluster. On a secure node the
   * user in it must be allowed to read `$all` (admin or ops).
   */
  readonly connectionString: string;
  /** Must equal the server's MaxAppendSize (bytes); defaults to RECOMMENDED_MAX_APPEND_SIZE. */
  readonly maxAppendSize?: number;
}

/** Events per `$all` page while we filter client-side (readAll has no server filter in this client). */
const PAGE_SIZE = 256;

interface StreamTip {
  readonly revision: bigint;
  readonly position: bigint;
}

export function createEventStoreDbEventStore(options: EventStoreDbOptions): EventStore {
  const client = connect(options.connectionString);
  const maxAppendSize = options.maxAppendSize ?? RECOMMENDED_MAX_APPEND_SIZE;
  const subscriptions = new Set<EventSubscription>();

  async function appendToStream(
    stream: StreamName,
    events: readonly NewEvent[],
    appendOptions: { readonly expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = appendOptions.expectedRevision ?? 'any';
    // 1. Nothing to write: check the expectation against the stream as it is.
    if (events.length === 0) return appendNothing(stream, expected);
    // 2. Refuse what the server would refuse, before sending megabytes, and what no projection could store.
    for (const event of events) assertStorableEventData(event.type, event.data);
    const size = assertAppendFits(stream, events, maxAppendSize);
    const eventData = events.map((event) => jsonEvent(encodeEvent(stream, event)));
    // 3. Append; the server checks the expected revision atomically.
    const result = await client
      .appendToStream(stream, eventData, { expectedRevision: toStoreExpectedRevision(expected) })
      .catch((error: unknown) => {
        throw translateAppendError(stream, expected, size, error);
      });
    // 4. An idempotent retry of the same event ids may come back without a position: read it.
    const nextRevision = result.nextExpectedRevision;
    const position = commitPositionOf(result.position) ?? (await readEventAt(stream, nextRevision))?.position;
    return { nextRevision, position: position ?? (await headPosition()) };
  }

  async function appendNothing(stream: StreamName, expected: ExpectedRevision): Promise<AppendResult> {
    const tip = await readTip(stream);
    checkExpectedRevision(stream, expected, tip?.revision ?? -1n);
    if (tip) return { nextRevision: tip.revision, position: tip.position };
    return { nextRevision: -1n, position: await headPosition() };
  }

  /** Revision and position of the stream's last visible event; undefined when missing or deleted. */
  function readTip(stream: StreamName): Promise<StreamTip | undefined> {
    return readOne(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
  }

  function readEventAt(stream: StreamName, revision: bigint): Promise<StreamTip | undefined> {
    return readOne(stream, { direction: FORWARDS, fromRevision: revision, maxCount: 1 });
  }

  async function readOne(stream: StreamName, readOptions: StoreReadStreamOptions): Promise<StreamTip | undefined> {
    const [stored] = await readStoredStream(stream, readOptions);
    if (!stored) return undefined;
    const position = commitPositionOf(stored.position);
    if (position === undefined) {
      throw new Error(`EventStoreDB sent ${stream}@${stored.revision} without its $all position (needs 22.6 or later)`);
    }
    return { revision: stored.revision, position };
  }

  /** The stream's stored events; a missing or deleted stream reads as none. */
  async function readStoredStream(stream: StreamName, readOptions: StoreReadStreamOptions) {
    try {
      const resolved = await drain(client.readStream(stream, readOptions));
      return resolved.flatMap((r) => (r.event ? [r.event] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw error;
    }
  }

  async function readStream(stream: StreamName, readOptions: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { maxCount, fromRevision } = readOptions;
    if (maxCount !== undefined && maxCount <= 0) return [];
    if (fromRevision !== undefined && fromRevision < 0n) throw new RangeError(`fromRevision ${fromRevision} < 0`);
    const forwards = readOptions.direction !== 'backwards';
    const stored = await readStoredStream(stream, {
      direction: forwards ? FORWARDS : BACKWARDS,
      fromRevision: fromRevision ?? (forwards ? START : END),
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    return stored.map((event) => {
      const decoded = decodeStoredEvent(event);
      // A stream we fold must be whole: an event we cannot read is corruption, not noise.
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.value;
    });
  }

  /**
   * Walks `$all` in pages, handing each resolved event to `visit` until it returns false.
   * A page starts at the last event seen (inclusive forwards), so that one is skipped.
   */
  async function scanAll(
    direction: typeof FORWARDS | typeof BACKWARDS,
    start: ReadPosition,
    visit: (resolved: AllStreamResolvedEvent) => boolean,
  ): Promise<void> {
    let from = start;
    let cursor: StorePosition | undefined;
    for (;;) {
      const page = await drain(client.readAll({ direction, fromPosition: from, maxCount: PAGE_SIZE }));
      let advanced = false;
      for (const resolved of page) {
        const position = resolved.event?.position ?? resolved.link?.position;
        if (position === undefined) continue;
        if (!isPastCursor(position, cursor, direction)) continue;
        cursor = position;
        advanced = true;
        if (!visit(resolved)) return;
      }
      if (page.length < PAGE_SIZE || !advanced || cursor === undefined) return;
      from = cursor;
    }
  }

  async function readAll(readOptions: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { fromPosition, filter } = readOptions;
    const limit = readOptions.maxCount ?? DEFAULT_READ_ALL_COUNT;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    // The server starts at fromPosition inclusive; the contract wants strictly after it.
    await scanAll(FORWARDS, toReadPosition(storePositionAt(fromPosition)), (resolved) => {
      const event = selectFromAll(resolved, filter);
      if (event && isAfter(event.position, fromPosition)) events.push(event);
      return events.length < limit;
    });
    return events;
  }

  async function headPosition(): Promise<bigint> {
    let head = 0n;
    await scanAll(BACKWARDS, END, (resolved) => {
      const event = selectFromAll(resolved, undefined);
      if (event) head = event.position;
      return event === undefined;
    });
    return head;
  }

  function subscribeToAll(subscribeOptions: SubscribeToAllOptions = {}): EventSubscription {
    const { fromPosition, filter } = subscribeOptions;
    const subscription: EventSubscription = createEventSubscription({
      after: fromPosition,
      // The server resumes strictly after the given position; the wrapper drops anything at or before it anyway.
      open: () =>
        client.subscribeToAll({
          fromPosition: toReadPosition(storePositionAt(fromPosition)),
          filter: toClientFilter(chooseServerFilter(filter)),
        }),
      select: (resolved: AllStreamResolvedEvent) => selectFromAll(resolved, filter),
      onClosed: () => {
        subscriptions.delete(subscription);
      },
    });
    subscriptions.add(subscription);
    return subscription;
  }

  async function deleteStream(
    stream: StreamName,
    deleteOptions: { readonly expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    const expected = deleteOptions.expectedRevision ?? 'any';
    let storeExpected = toStoreExpectedRevision(expected);
    if (storeExpected === 'no_stream' || storeExpected === 'stream_exists') {
      // The client's delete has no "stream exists", and deleting a stream that must not exist deletes nothing.
      const actual = (await readTip(stream))?.revision ?? -1n;
      checkExpectedRevision(stream, expected, actual);
      if (actual === -1n) return;
      storeExpected = 'any';
    }
    try {
      // Soft delete: the server sets the stream's truncate-before, so reads see nothing and revisions continue.
      await client.deleteStream(stream, { expectedRevision: storeExpected });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new RevisionConflictError(stream, expected, toActualRevision(error.actualVersion));
      }
      const missing = error instanceof StreamNotFoundError || error instanceof StreamDeletedError;
      if (missing && storeExpected === 'any') return;
      if (missing) throw new RevisionConflictError(stream, expected, -1n);
      throw error;
    }
  }

  return {
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    deleteStream,
    headPosition,
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      await client.dispose();
    },
  };
}

function connect(connectionString: string): EventStoreDBClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    // The client's parse error quotes the whole string, credentials included: say where, not what.
    const { expected, location } = (error ?? {}) as { expected?: unknown; location?: unknown };
    const where = Array.isArray(location) ? ` at character ${String(location[0])}` : '';
    const what = typeof expected === 'string' ? `: expected ${expected}${where}` : '';
    throw new Error(`Invalid EventStoreDB connection string${what} (form: esdb://user:pass@host:2113?tls=false)`);
  }
}

function toReadPosition(position: StorePosition | undefined): ReadPosition {
  return position ?? START;
}

function translateAppendError(stream: StreamName, expected: ExpectedRevision, size: number, error: unknown): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new RevisionConflictError(stream, expected, toActualRevision(error.actualVersion));
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new AppendTooLargeError(stream, size, error.maxAppendSize, { cause: error });
  }
  return error;
}

function toClientFilter(filter: ServerFilter): Filter {
  if (filter.kind === 'streamPrefixes') return streamNameFilter({ prefixes: filter.prefixes });
  if (filter.kind === 'eventTypes') return eventTypeFilter({ regex: filter.regex });
  return excludeSystemEvents();
}

/** Reads a client stream to its end; draining it fully means no gRPC call is left open. */
async function drain<E>(read: StreamingRead<E>): Promise<E[]> {
  const items: E[] = [];
  for await (const item of read) items.push(item);
  return items;
}
