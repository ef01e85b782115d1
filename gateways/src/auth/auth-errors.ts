import { type Actor, DomainError } from '@bishop/domain';
import type { Credential } from './credentials.ts';

/** Why a credential was refused; in `details.reason` so clients can branch (refresh vs. log in again). */
export type UnauthenticatedReason = 'missing' | 'expired' | 'invalid' | 'revoked' | 'reused';

export function unauthenticated(message: string, reason: UnauthenticatedReason): DomainError {
  return new DomainError('BISHOP_ERR_UNAUTHENTICATED', message, { reason });
}

export const sessionExpired = () => unauthenticated('Your session has expired; please log in again', 'expired');

export const sessionEnded = () => unauthenticated('Your session has ended; please log in again', 'revoked');

export const wrongCredentials = () => new DomainError('BISHOP_ERR_WRONG_CREDENTIALS', 'Wrong email or password');

export const wrongPassword = () => new DomainError('BISHOP_ERR_WRONG_PASSWORD', 'The password is wrong');

/** For resolvers: the signed-in person's id, or UNAUTHENTICATED for an anonymous request. */
export function requireUserId(actor: Actor | null): string {
  if (actor?.kind === 'user') return actor.userId;
  throw unauthenticated('Please log in to do this', 'missing');
}

/**
 * For what only a person signed in with their password may do (API tokens,
 * closing the account): the user's id, FORBIDDEN for an API token.
 */
export function requireSession(caller: Credential | null, what: string): string {
  if (caller === null) throw unauthenticated('Please log in to do this', 'missing');
  if (caller.kind !== 'session') {
    throw new DomainError(
      'BISHOP_ERR_SESSION_REQUIRED',
      `An API token cannot ${what}; sign in to Bishop with your password and do it there`,
      { credential: caller.kind },
    );
  }
  return caller.userId;
}
