import type { AvatarEvent } from '../avatar/avatar.events.ts';
import type { ChatEvent } from '../chat/chat.events.ts';
import type { EmailEvent } from '../email/email.events.ts';
import type { JsonObject } from '../kernel/json.ts';
import type { UserEvent } from '../user/user.events.ts';

export type DomainEvent = UserEvent | EmailEvent | AvatarEvent | ChatEvent;
export type DomainEventType = DomainEvent['type'];
export type EventOfType<Type extends DomainEventType> = Extract<DomainEvent, { type: Type }>;

/** Event data as the store keeps it; compiling this proves every event's data is plain JSON. */
export function jsonDataOf(event: DomainEvent): JsonObject {
  return event.data;
}
