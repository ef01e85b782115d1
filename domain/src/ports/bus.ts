/**
 * Bus port: how events reach workers (durable, at-least-once, JetStream
 * semantics) and how short-lived signals (reply tokens, read-model change
 * notices) reach every gateway (ephemeral, at-most-once, core NATS semantics).
 * Adapters: NATS JetStream, and an in-process bus with the same semantics
 * for `bishop start`; one contract suite.
 */

export interface PublishOptions {
  /** Deduplication id (the eventId): publishing the same id again within the window is dropped. */
  readonly msgId: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PublishAck {
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
  readonly headers: Readonly<Record<string, string>>;
  /** 1 on first delivery. */
  readonly deliveryCount: number;
  /** Stream sequence, for logs. */
  readonly seq: number;
  ack(): Promise<void>;
  /** Give it back, to be redelivered after `delayMs` (default: at once). */
  nak(delayMs?: number): void;
  /** Never deliver again (the failure has been recorded). */
  term(reason?: string): void;
  /** Still working: restarts the ack-wait timer (heartbeat for long jobs). */
  working(): void;
}

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
  /** Fire-and-forget signal to whoever listens now (no persistence). */
  signal(subject: string, data: Uint8Array): void;
  /** Listens for signals; wildcards allowed. */
  listen(subject: string): SignalListener;
  close(): Promise<void>;
}
