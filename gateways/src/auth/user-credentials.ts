import {
  type EmailEvent,
  emailDecider,
  emailReservationStreamName,
  foldEvents,
  normalizeEmail,
  ownerOfEmail,
  toDomainEvent,
  type UserEvent,
  userDecider,
  userStream,
} from '@bishop/domain';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { sha256Hex } from './secrets.ts';

export interface UserCredentials {
  readonly userId: string;
  readonly passwordHash: string;
  /** Normalized, as registered: the log-in throttle counts per email. */
  readonly email: string;
  readonly fullName: string;
}

/**
 * Finds whom an email belongs to straight from the event store (log-in must
 * not wait for, or trust, the read models): email → its reservation stream →
 * the holder's user stream, folded with the domain's own deciders.
 */
export async function findCredentialsByEmail(eventStore: EventStore, email: string): Promise<UserCredentials | null> {
  if (typeof email !== 'string' || !email.isWellFormed()) return null;
  const normalized = normalizeEmail(email);
  const reservation = foldEvents(
    emailDecider,
    asDomainEvents<EmailEvent>(await eventStore.readStream(emailReservationStreamName(sha256Hex(normalized)))),
  );
  const userId = ownerOfEmail(reservation);
  if (userId === null) return null;
  const user = foldEvents(userDecider, asDomainEvents<UserEvent>(await eventStore.readStream(userStream(userId))));
  // A reservation whose sign-up never completed (a crash between the two appends) names nobody.
  if (user.status !== 'registered' || user.email !== normalized) return null;
  return { userId, passwordHash: user.passwordHash, email: user.email, fullName: user.fullName };
}

/** Whether the user's account exists and is not deleted, from the event store. */
export async function isAccountOpen(eventStore: EventStore, userId: string): Promise<boolean> {
  const user = foldEvents(userDecider, asDomainEvents<UserEvent>(await eventStore.readStream(userStream(userId))));
  return user.status === 'registered';
}

/** The password hash of an open account, by id. */
export async function findCredentialsById(eventStore: EventStore, userId: string): Promise<UserCredentials | null> {
  const user = foldEvents(userDecider, asDomainEvents<UserEvent>(await eventStore.readStream(userStream(userId))));
  return user.status === 'registered'
    ? { userId, passwordHash: user.passwordHash, email: user.email, fullName: user.fullName }
    : null;
}

function asDomainEvents<Event>(events: readonly RecordedEvent[]): Event[] {
  return events.map((event) => toDomainEvent(event.type, event.metadata.schemaVersion, event.data) as Event);
}
