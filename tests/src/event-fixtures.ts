import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '@bishop/domain/ports';

/** A unique stream-name prefix per test, so suites can share one store (EventStoreDB). */
export function uniquePrefix(label = 't'): string {
  return `${label}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function metadataFor(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actorId: 'user:test',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    dataSubject: 'avatar-contract-tests',
    ...overrides,
  };
}

export function newEvent(type: string, data: JsonObject = {}, overrides: Partial<EventMetadata> = {}): NewEvent {
  return { type, data, metadata: metadataFor(overrides) };
}

export function newEvents(count: number, type = 'Something', extra: JsonObject = {}): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: i, ...extra }));
}
