import { DomainError, normalizeEmail } from '@bishop/domain';
import type { AuthStore, LoginFailures } from './auth-store.ts';
import { clientThrottleUnit } from './client-address.ts';
import { sha256Hex } from './secrets.ts';

export interface LoginLimit {
  /** Failed log-ins allowed in one window; the next attempt is refused without checking the password. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export interface LoginLimits {
  /** Guessing one account's password. */
  readonly perEmail: LoginLimit;
  /** One client trying many accounts. */
  readonly perClient: LoginLimit;
}

const FIFTEEN_MINUTES = 15 * 60_000;
export const defaultLoginLimits: LoginLimits = {
  perEmail: { maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  perClient: { maxFailures: 20, windowMs: FIFTEEN_MINUTES },
};

/**
 * Counts failed log-ins per email and per client in the shared AuthStore, so
 * the limits hold across every gateway process. Two attempts racing past the
 * check can each still fail once more: the limit is approximate by at most the
 * concurrency, which does not help a guesser.
 */
export function createLoginThrottle(store: AuthStore, limits: LoginLimits) {
  return {
    /** Throws BISHOP_ERR_RATE_LIMITED while either limit is reached. */
    async assertAllowed(email: string, clientIp: string, now: Date): Promise<void> {
      const [emailKey, clientKey] = [emailKeyOf(email), clientKeyOf(clientIp)];
      const open = await store.findLoginFailures([emailKey, clientKey], now);
      const blocked = [
        blockedUntil(open.get(emailKey), limits.perEmail),
        blockedUntil(open.get(clientKey), limits.perClient),
      ].filter((until) => until !== null);
      if (blocked.length > 0) throw tooManyAttempts(Math.max(...blocked.map((until) => until.getTime())), now);
    },

    async recordFailure(email: string, clientIp: string, now: Date): Promise<void> {
      await store.recordLoginFailure(emailKeyOf(email), now, limits.perEmail.windowMs);
      await store.recordLoginFailure(clientKeyOf(clientIp), now, limits.perClient.windowMs);
    },

    /** The account's count starts over; the client's does not, or one valid account would reset a sprayer. */
    async recordSuccess(email: string): Promise<void> {
      await store.clearLoginFailures(emailKeyOf(email));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

// Emails are hashed: the throttle table holds no addresses.
const emailKeyOf = (email: string) => `email:${sha256Hex(typeof email === 'string' ? normalizeEmail(email) : '')}`;
const clientKeyOf = (clientIp: string) => `client:${clientThrottleUnit(clientIp)}`;

function blockedUntil(failures: LoginFailures | undefined, limit: LoginLimit): Date | null {
  return failures !== undefined && failures.failures >= limit.maxFailures ? failures.windowEndsAt : null;
}

function tooManyAttempts(untilMs: number, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((untilMs - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError(
    'BISHOP_ERR_RATE_LIMITED',
    `Too many login attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
    { retryAfterSeconds },
  );
}
