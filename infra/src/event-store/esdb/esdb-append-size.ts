import { Buffer } from 'node:buffer';
import type { NewEvent, StreamName } from '@bishop/domain/ports';

/** EventStoreDB's default MaxAppendSize: too small for Bishop (the contract suite appends a 1 MiB event). */
export const ESDB_DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/**
 * The server setting Bishop needs: run EventStoreDB with
 * `EVENTSTORE_MAX_APPEND_SIZE=8388608` (KurrentDB: `KURRENTDB_MAX_APPEND_SIZE`),
 * and give the adapter the same value (its default) so oversized appends fail
 * here, before any byte is sent, with the same message as the server's refusal.
 */
export const RECOMMENDED_MAX_APPEND_SIZE = 8 * 1024 * 1024;

/** The size the server counts against MaxAppendSize: data + metadata bytes + 2 bytes per type character. */
export function appendSizeOf(events: readonly NewEvent[]): number {
  let size = 0;
  for (const event of events) {
    size += Buffer.byteLength(JSON.stringify(event.data), 'utf8');
    size += Buffer.byteLength(JSON.stringify(event.metadata), 'utf8');
    size += event.type.length * 2;
  }
  return size;
}

export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  readonly stream: StreamName;
  readonly size: number;
  readonly limit: number;
  constructor(stream: StreamName, size: number, limit: number, options?: ErrorOptions) {
    super(
      `Appending ${size} bytes to ${stream} exceeds the EventStoreDB max append size of ${limit} bytes ` +
        `(run the server with EVENTSTORE_MAX_APPEND_SIZE=${RECOMMENDED_MAX_APPEND_SIZE} and pass the same maxAppendSize)`,
      options,
    );
    this.stream = stream;
    this.size = size;
    this.limit = limit;
  }
}

/** Returns the append's size, or throws when it is over `limit`. */
export function assertAppendFits(stream: StreamName, events: readonly NewEvent[], limit: number): number {
  const size = appendSizeOf(events);
  if (size > limit) throw new AppendTooLargeError(stream, size, limit);
  return size;
}
