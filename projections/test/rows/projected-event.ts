import { type DomainEvent, eventCatalogue } from '@bishop/domain';
import type { ProjectedEvent } from '../../src/events/projected-event.ts';

/** A domain event as the projector hands it to row functions, at `position` of `$all`. */
export function projected<Event extends DomainEvent>(
  streamId: string,
  position: number,
  event: Event,
  erased: readonly string[] = [],
): ProjectedEvent<Event> {
  return {
    ...event,
    position: BigInt(position),
    stream: eventCatalogue[event.type].stream,
    streamId,
    occurredAt: new Date(Date.UTC(2026, 11, 1, 0, 0, position)),
    actorId: 'user:u1',
    revision: BigInt(position),
    chainHash: null,
    erased: new Set(erased),
  };
}
