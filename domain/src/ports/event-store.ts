import type { JsonObject } from '../kernel/json.ts';

/**
 * The EventStore port: the one durable source of truth. Adapters (PostgreSQL,
 * PGlite, EventStoreDB) translate this vocabulary to their store and must pass
 * the shared contract suite in tests/contract.
 */

/** Stream names are `<category>-<id>`, e.g. `avatar-5f0c…`. */
export type StreamName = string;

/**
 * What the writer believes the stream's revision is (our If-Match).
 * - `any`: no check;
 * - `noStream`: the stream must not exist yet;
 * - `exists`: the stream must exist;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'noStream' | 'exists' | bigint;

/** Envelope metadata carried by every event (see ARCHITECTURE.md). */
export interface EventMetadata {
  readonly eventId: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** `user:<id>` for people, `system:<service>` for workers and the platform. */
  readonly actorId: string;
  readonly schemaVersion: number;
  /** ISO-8601 instant the command was accepted. */
  readonly occurredAt: string;
  /** Whose data key protects the personal fields, e.g. `avatar-<id>`; absent when none. */
  readonly dataSubject?: string;
  /**
   * sha256 (hex) linking the event to the one before it in its stream, set by the
   * store on append (infra's hash chain): proof that history was not altered.
   */
  readonly chainHash?: string;
  /** Set on read when personal fields could not be decrypted because the subject's key was destroyed. */
  readonly erasedFields?: readonly string[];
}

// Event data is plain JSON, as the kernel defines it.
export type { JsonObject, JsonValue } from '../kernel/json.ts';

export interface NewEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly streamName: StreamName;
  /** Zero-based revision of the event inside its stream. */
  readonly revision: bigint;
  /** Position in `$all`: strictly increasing in `$all` order, not necessarily dense. */
  readonly position: bigint;
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event written: pass it as the next expected revision. */
  readonly nextRevision: bigint;
  /** `$all` position of the last event written: read models are current once they reach it. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to start at the beginning. */
  readonly fromPosition?: bigint;
  /** At most this many events (default DEFAULT_READ_ALL_COUNT): page through `$all`, never load it whole. */
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export const DEFAULT_READ_ALL_COUNT = 1000;

/** Events match when their stream starts with one of the prefixes OR their type is listed. */
export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: the position of the last event already handled. */
  readonly fromPosition?: bigint;
  readonly filter?: EventFilter;
}

/**
 * Catch-up then live: yields every matching event after the checkpoint exactly
 * once, in `$all` order, then keeps yielding new ones as they commit.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    stream: StreamName,
    events: readonly NewEvent[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Events of one stream; an unknown or deleted stream reads as empty. */
  readStream(stream: StreamName, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;
  /** Soft delete: the stream reads as empty; appending again continues its revisions. */
  deleteStream(stream: StreamName, options?: { readonly expectedRevision?: ExpectedRevision }): Promise<void>;
  /** Position of the newest event visible to readers (0n when empty). */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  readonly stream: StreamName;
  readonly expected: ExpectedRevision;
  /** The stream's actual last revision, -1n when it does not exist (undefined if the store did not say). */
  readonly actual: bigint | undefined;
  constructor(stream: StreamName, expected: ExpectedRevision, actual: bigint | undefined) {
    super(
      `Stream ${stream} is at revision ${actual ?? 'unknown'}, expected ${String(expected)}: someone else changed it first`,
    );
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }
}
