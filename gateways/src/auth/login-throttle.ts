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
  /** Guessing one account's password (log-in, and every mutation that checks a password). */
  readonly perEmail: LoginLimit;
  /** One client trying many accounts. */
  readonly perClient: LoginLimit;
  /** Sign-ups from one client, taken or not (`maxFailures` counts every attempt here). */
  readonly signUpsPerClient: LoginLimit;
}

const FIFTEEN_MINUTES = 15 * 60_000;
export const defaultLoginLimits: LoginLimits = {
  perEmail: { maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  perClient: { maxFailures: 20, windowMs: FIFTEEN_MINUTES },
  signUpsPerClient: { maxFailures: 30, windowMs: 60 * 60_000 },
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

    /** Counts one sign-up attempt of the client; throws BISHOP_ERR_RATE_LIMITED past the limit. */
    async countSignUp(clientIp: string, now: Date): Promise<void> {
      const limit = limits.signUpsPerClient;
      const counted = await store.recordLoginFailure(signUpKeyOf(clientIp), now, limit.windowMs);
      if (counted.failures > limit.maxFailures) throw tooManySignUps(counted.windowEndsAt, now);
    },

    /** Reset mails asked for from one network: limited like sign-ups, so no one mails an inbox full. */
    async countResetRequest(clientIp: string, now: Date): Promise<void> {
      const limit = limits.signUpsPerClient;
      const counted = await store.recordLoginFailure(resetKeyOf(clientIp), now, limit.windowMs);
      if (counted.failures > limit.maxFailures) {
        const retry = retryTime(counted.windowEndsAt, now);
        throw new DomainError(
          'BISHOP_ERR_RATE_LIMITED',
          `Too many reset requests from your network; try again after ${retry.clock} (in ${retry.wait})`,
          { retryAfterSeconds: retry.seconds, retryAt: retry.at, scope: 'passwordReset' },
        );
      }
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
const signUpKeyOf = (clientIp: string) => `signup:${clientThrottleUnit(clientIp)}`;
const resetKeyOf = (clientIp: string) => `reset:${clientThrottleUnit(clientIp)}`;

function blockedUntil(failures: LoginFailures | undefined, limit: LoginLimit): Date | null {
  return failures !== undefined && failures.failures >= limit.maxFailures ? failures.windowEndsAt : null;
}

/** The operator's way back in for someone locked out of their own account (README, "Operator commands"). */
export const recoveryHint =
  'Forgot your password? Whoever runs this Bishop can give you a one-time reset link (bishop users reset-password <email>).';

function tooManyAttempts(untilMs: number, now: Date): DomainError {
  const retry = retryTime(new Date(untilMs), now);
  return new DomainError(
    'BISHOP_ERR_RATE_LIMITED',
    `Too many login attempts; try again after ${retry.clock} (in ${retry.wait}). ${recoveryHint}`,
    { retryAfterSeconds: retry.seconds, retryAt: retry.at, scope: 'login' },
  );
}

function tooManySignUps(until: Date, now: Date): DomainError {
  const retry = retryTime(until, now);
  return new DomainError(
    'BISHOP_ERR_RATE_LIMITED',
    `Too many sign-ups from your network; try again after ${retry.clock} (in ${retry.wait})`,
    { retryAfterSeconds: retry.seconds, retryAt: retry.at, scope: 'signUp' },
  );
}

/** When to try again, as a time of day (UTC: the server cannot know the person's zone; the app shows local time). */
function retryTime(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const at = new Date(now.getTime() + seconds * 1000);
  return {
    seconds,
    at: at.toISOString(),
    clock: `${at.toISOString().slice(11, 16)} UTC`,
    wait: `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
  };
}
