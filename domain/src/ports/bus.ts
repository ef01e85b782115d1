/**
 * Bus port: how events reach workers (durable, at-least-once, JetStream
 * semantics) and how short-lived signals (reply tokens, read-model change
 * notices) reach every gateway (ephemeral, at-most-once, core NATS semantics).
 * Adapters: NATS JetStream, and an in-process bus with the same semantics
 * for `bishop start`; one contract suite (tests/contract/bus.contract.ts).
 *
 * Subjects are `.`-separated tokens. Filters may use `*` (exactly one token)
 * and `>` (one or more tokens, last only), as in NATS. The stream stores the
 * subjects under its root (`bishop.>` by default); publishing elsewhere fails
 * with UnroutableSubjectError. Signal subjects are a namespace of their own:
 * a signal is never stored, whatever its subject.
 */
import type { JsonObject, RecordedEvent } from './event-store.ts';

export interface PublishOptions {
  /** Deduplication id (the eventId): publishing the same id again within the window is dropped. */
  readonly msgId: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PublishAck {
  /** Stream sequence of the stored message (of the original one, for a duplicate). */
  readonly seq: number;
  /** True when the message was a duplicate of an earlier msgId and was not stored again. */
  readonly duplicate: boolean;
}

export interface ConsumerOptions {
  /** Durable consumer name: its position survives restarts; several processes with one name share work. */
  readonly durable: string;
  /** Subject filters, NATS wildcards allowed (`bishop.avatar.MaterialUploaded`, `bishop.chat.*`). */
  readonly subjects: readonly string[];
  /** Redelivered when not acked (or `working()`-extended) within this time. */
  readonly ackWaitMs: number;
  /** Deliveries before the bus gives up on a message (the worker should `term` it with a *Failed command first). */
  readonly maxDeliver: number;
  /** Messages handed out but not yet acked, across this consumer (bounds concurrency). */
  readonly maxAckPending: number;
}

export interface BusMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly msgId: string;
  /** The headers it was published with. */
  readonly headers: Readonly<Record<string, string>>;
  /** 1 on first delivery. */
  readonly deliveryCount: number;
  /** Stream sequence, for logs. */
  readonly seq: number;
  /** Resolves once the bus has recorded the ack. */
  ack(): Promise<void>;
  /** Give it back, to be redelivered after `delayMs` (default: at once). */
  nak(delayMs?: number): void;
  /** Never deliver again (the failure has been recorded). */
  term(reason?: string): void;
  /** Still working: restarts the ack-wait timer (heartbeat for long jobs). */
  working(): void;
}

/**
 * Messages are fetched only as the iterator is pulled, so a message waits in
 * the stream, not in a client buffer, until a worker is ready for it.
 */
export interface Consumer extends AsyncIterable<BusMessage> {
  /** Stops fetching; messages already handed out may still be acked. */
  close(): Promise<void>;
}

export interface Signal {
  readonly subject: string;
  readonly data: Uint8Array;
}

export interface SignalListener extends AsyncIterable<Signal> {
  close(): Promise<void>;
}

export interface Bus {
  /** Creates streams/consumers config idempotently. */
  ensureTopology(): Promise<void>;
  publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishAck>;
  consume(options: ConsumerOptions): Consumer;
  /**
   * Headers of the newest message in the stream (null when it is empty). The
   * stream has one publisher, the relay, which resumes from what it wrote
   * last instead of keeping a checkpoint store of its own.
   */
  lastMessageHeaders(): Promise<Readonly<Record<string, string>> | null>;
  /** Fire-and-forget signal to whoever listens now (no persistence). */
  signal(subject: string, data: Uint8Array): void;
  /** Listens for signals; wildcards allowed. Signals sent through the same bus after this call reach it. */
  listen(subject: string): SignalListener;
  close(): Promise<void>;
}

export class UnroutableSubjectError extends Error {
  override readonly name = 'UnroutableSubjectError';
  readonly subject: string;
  constructor(subject: string, streamSubjects: string) {
    super(`No stream stores subject "${subject}": the bus stream stores ${streamSubjects}`);
    this.subject = subject;
  }
}

/** Subject of a relayed event: `bishop.avatar.MaterialUploaded`. */
export function eventSubject(category: string, eventType: string, root = 'bishop'): string {
  return `${root}.${category}.${eventType}`;
}

/** A relayed event on the wire: the recorded event as JSON, with bigints and dates as strings. */
interface RelayedEventJson {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: RecordedEvent['metadata'];
  readonly streamName: string;
  readonly revision: string;
  readonly position: string;
  readonly recordedAt: string;
}

export function encodeRelayedEvent(event: RecordedEvent): Uint8Array {
  const json: RelayedEventJson = {
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    streamName: event.streamName,
    revision: event.revision.toString(),
    position: event.position.toString(),
    recordedAt: event.recordedAt.toISOString(),
  };
  return new TextEncoder().encode(JSON.stringify(json));
}

export class MalformedRelayedEventError extends Error {
  override readonly name = 'MalformedRelayedEventError';
}

/** The inverse of encodeRelayedEvent; throws MalformedRelayedEventError naming what is wrong. */
export function decodeRelayedEvent(bytes: Uint8Array): RecordedEvent {
  let json: Partial<Record<keyof RelayedEventJson, unknown>>;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new MalformedRelayedEventError(`A relayed event must be UTF-8 JSON: ${(error as Error).message}`);
  }
  const problem = (field: string, expected: string) =>
    new MalformedRelayedEventError(`A relayed event needs "${field}" as ${expected}`);
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(json)) throw problem('the whole message', 'a JSON object');
  if (typeof json.type !== 'string') throw problem('type', 'a string');
  if (!isObject(json.data)) throw problem('data', 'an object');
  if (!isObject(json.metadata) || typeof (json.metadata as { eventId?: unknown }).eventId !== 'string') {
    throw problem('metadata', 'an object with an eventId');
  }
  if (typeof json.streamName !== 'string') throw problem('streamName', 'a string');
  for (const field of ['revision', 'position'] as const) {
    if (typeof json[field] !== 'string' || !/^\d+$/.test(json[field])) throw problem(field, 'a string of digits');
  }
  const recordedAt = new Date(typeof json.recordedAt === 'string' ? json.recordedAt : Number.NaN);
  if (Number.isNaN(recordedAt.getTime())) throw problem('recordedAt', 'an ISO-8601 instant');
  return {
    type: json.type,
    data: json.data as JsonObject,
    metadata: json.metadata as RecordedEvent['metadata'],
    streamName: json.streamName,
    revision: BigInt(json.revision as string),
    position: BigInt(json.position as string),
    recordedAt,
  };
}
