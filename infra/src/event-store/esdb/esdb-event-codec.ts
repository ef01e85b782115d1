import type { EventFilter, EventMetadata, JsonObject, NewEvent, RecordedEvent, StreamName } from '@bishop/domain/ports';
import { isSystemEvent, matchesFilter } from './esdb-filters.ts';
import { commitPositionOf, type StorePosition } from './esdb-positions.ts';

/** What the adapter hands the client's `jsonEvent()`: the store's event id is our envelope's eventId. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/** The fields of the client's RecordedEvent we read (structural, so this file needs no client import). */
export interface StoredEvent {
  readonly streamId: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: StorePosition | undefined;
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUIRED_TEXT = ['eventId', 'commandId', 'correlationId', 'causationId', 'actorId', 'occurredAt'] as const;

export function encodeEvent(stream: StreamName, event: NewEvent): EncodedEvent {
  const { eventId } = event.metadata;
  // The server would reject it mid-append with a gRPC parse error; say which event instead.
  if (!UUID.test(eventId)) throw new Error(`Event ${event.type} for ${stream} has eventId "${eventId}", not a UUID`);
  return { id: eventId, type: event.type, data: event.data, metadata: event.metadata };
}

/** Our envelope from the stored metadata: required fields checked, anything else kept as written. */
export function decodeMetadata(value: unknown): Decoded<EventMetadata> {
  if (isEventMetadata(value)) return { ok: true, value };
  return { ok: false, reason: metadataProblem(value) ?? 'metadata is not an envelope' };
}

function isEventMetadata(value: unknown): value is EventMetadata {
  return metadataProblem(value) === undefined;
}

function metadataProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'metadata is not a JSON object';
  const missing = REQUIRED_TEXT.find((key) => typeof value[key] !== 'string');
  if (missing) return `metadata.${missing} is not a string`;
  if (!Number.isInteger(value.schemaVersion)) return 'metadata.schemaVersion is not an integer';
  if (value.dataSubject !== undefined && typeof value.dataSubject !== 'string') {
    return 'metadata.dataSubject is not a string';
  }
  return undefined;
}

export function decodeStoredEvent(stored: StoredEvent): Decoded<RecordedEvent> {
  const fail = (problem: string): Decoded<RecordedEvent> => ({
    ok: false,
    reason: `Event ${stored.streamId}@${stored.revision} (${stored.type}) ${problem}`,
  });
  if (!stored.isJson) return fail('is not JSON');
  if (!isJsonObject(stored.data)) return fail('has data that is not a JSON object');
  const metadata = decodeMetadata(stored.metadata);
  if (!metadata.ok) return fail(`has no Bishop envelope: ${metadata.reason}`);
  const position = commitPositionOf(stored.position);
  if (position === undefined) return fail('came without its $all position (Bishop needs EventStoreDB 22.6 or later)');
  return {
    ok: true,
    value: {
      type: stored.type,
      data: stored.data,
      metadata: metadata.value,
      streamName: stored.streamId,
      revision: stored.revision,
      position,
      recordedAt: stored.created,
    },
  };
}

/** A `$all` event as readers see it, or undefined for system events, foreign events and filtered-out ones. */
export function selectFromAll(
  resolved: { readonly event?: StoredEvent | undefined },
  filter: EventFilter | undefined,
): RecordedEvent | undefined {
  const stored = resolved.event;
  if (!stored || isSystemEvent(stored.streamId, stored.type)) return undefined;
  if (!matchesFilter({ streamName: stored.streamId, type: stored.type }, filter)) return undefined;
  const decoded = decodeStoredEvent(stored);
  return decoded.ok ? decoded.value : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The client JSON-parses JSON events' data (falling back to the raw string), so an object here is JSON. */
function isJsonObject(value: unknown): value is JsonObject {
  return isPlainObject(value);
}
