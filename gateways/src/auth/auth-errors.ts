import { type Actor, DomainError } from '@bishop/domain';

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
