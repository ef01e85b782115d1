import {
  type AvatarEvent,
  type ChatEvent,
  type DomainEvent,
  eventCatalogue,
  isDomainEventType,
  parseStreamName,
  type StreamCategory,
  toDomainEvent,
  type UserEvent,
} from '@bishop/domain';
import type { RecordedEvent } from '@bishop/domain/ports';

/** What every projection needs to know about an event besides its data. */
export interface EventFacts {
  /** `$all` position: the projections' clock, checkpoint and per-row idempotency mark. */
  readonly position: bigint;
  readonly stream: StreamCategory;
  /** The id in the stream name (`avatar-<id>` → `<id>`). */
  readonly streamId: string;
  readonly occurredAt: Date;
  readonly actorId: string;
  /** Revision inside its stream. */
  readonly revision: bigint;
  /** Its link in the stream's hash chain (null for events stored before the chain existed). */
  readonly chainHash: string | null;
  /** Data fields whose data key was destroyed (crypto-shredded): their values are placeholders. */
  readonly erased: ReadonlySet<string>;
}

export type ProjectedEvent<Event extends DomainEvent = DomainEvent> = Event & EventFacts;

/**
 * A recorded event as projections read it: upcast to the current shape, or
 * `null` for events that are not Bishop domain events (they are skipped).
 */
export function toProjectedEvent(recorded: RecordedEvent): ProjectedEvent | null {
  if (!isDomainEventType(recorded.type)) return null;
  const stream = parseStreamName(recorded.streamName);
  if (stream === null || stream.category !== eventCatalogue[recorded.type].stream) return null;
  const event = toDomainEvent(recorded.type, recorded.metadata.schemaVersion, recorded.data);
  return {
    ...event,
    position: recorded.position,
    stream: stream.category,
    streamId: stream.id,
    occurredAt: new Date(recorded.metadata.occurredAt),
    actorId: recorded.metadata.actorId,
    revision: recorded.revision,
    chainHash: recorded.metadata.chainHash ?? null,
    erased: new Set(recorded.metadata.erasedFields ?? []),
  };
}

export type UserStreamEvent = ProjectedEvent<UserEvent>;
export type AvatarStreamEvent = ProjectedEvent<AvatarEvent>;
export type ChatStreamEvent = ProjectedEvent<ChatEvent>;

// Sound because toProjectedEvent only accepts events whose stream matches their catalogue entry.
export const isUserEvent = (event: ProjectedEvent): event is UserStreamEvent => event.stream === 'user';
export const isAvatarEvent = (event: ProjectedEvent): event is AvatarStreamEvent => event.stream === 'avatar';
export const isChatEvent = (event: ProjectedEvent): event is ChatStreamEvent => event.stream === 'chat';
