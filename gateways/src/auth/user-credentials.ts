import {
  emailDecider,
  emailReservationStreamName,
  normalizeEmail,
  ownerOfEmail,
  userDecider,
  userStream,
} from '@bishop/domain';
import { aggregateOf, type EventStore } from '@bishop/domain/ports';
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
  const stream = emailReservationStreamName(sha256Hex(normalized));
  const userId = ownerOfEmail((await aggregateOf(eventStore, stream, emailDecider)).state);
  if (userId === null) return null;
  const user = await userOf(eventStore, userId);
  // A reservation whose sign-up never completed (a crash between the two appends) names nobody.
  if (user.status !== 'registered' || user.email !== normalized) return null;
  return { userId, passwordHash: user.passwordHash, email: user.email, fullName: user.fullName };
}

/** Whether the user's account exists and is not deleted, from the event store. */
export async function isAccountOpen(eventStore: EventStore, userId: string): Promise<boolean> {
  return (await userOf(eventStore, userId)).status === 'registered';
}

/** The password hash of an open account, by id. */
export async function findCredentialsById(eventStore: EventStore, userId: string): Promise<UserCredentials | null> {
  const user = await userOf(eventStore, userId);
  return user.status === 'registered'
    ? { userId, passwordHash: user.passwordHash, email: user.email, fullName: user.fullName }
    : null;
}

async function userOf(eventStore: EventStore, userId: string) {
  return (await aggregateOf(eventStore, userStream(userId), userDecider)).state;
}
