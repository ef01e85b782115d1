import { DomainError } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import type { AuthStore } from './auth-store.ts';
import { hasSecretShape, newSecret, sha256Hex } from './secrets.ts';
import { findCredentialsByEmail } from './user-credentials.ts';

export interface IssuedPasswordReset {
  readonly userId: string;
  /** `bishop_prt_…`: goes into the link once, stored only as its SHA-256. */
  readonly token: string;
  readonly expiresAt: Date;
}

export const defaultPasswordResetTtlSeconds = 3600;

/** Where the web app's reset page lives; the token rides in the fragment, which browsers never send to a server. */
export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/reset-password#token=${token}`;
}

export const invalidResetLink = () =>
  new DomainError(
    'BISHOP_ERR_RESET_LINK_INVALID',
    'This reset link is not valid: it was used already, has expired, or a newer one was made. Ask whoever runs this Bishop for a new one',
  );

/**
 * Operator-issued password resets (no mail needed): a single-use, expiring
 * token per link; making a new link for an account voids its older ones.
 */
export function createPasswordResets(options: {
  readonly eventStore: EventStore;
  readonly store: AuthStore;
  readonly clock: () => Date;
  readonly ttlSeconds?: number;
}) {
  const { store, clock } = options;
  return {
    /** For `bishop users reset-password <email>`; NOT_FOUND when no open account has the email. */
    async issue(email: string): Promise<IssuedPasswordReset> {
      const credentials = await findCredentialsByEmail(options.eventStore, email);
      if (credentials === null) throw new DomainError('BISHOP_ERR_NOT_FOUND', `No account has the email ${email}`);
      const now = clock();
      const token = newSecret('passwordReset');
      const expiresAt = new Date(now.getTime() + (options.ttlSeconds ?? defaultPasswordResetTtlSeconds) * 1000);
      await store.savePasswordReset({ tokenHash: sha256Hex(token), userId: credentials.userId, expiresAt }, now);
      return { userId: credentials.userId, token, expiresAt };
    },

    /** Whose account the link is for, without using it up (so a refused new password does not spend it). */
    async holderOf(token: string): Promise<string> {
      if (!hasSecretShape('passwordReset', token)) throw invalidResetLink();
      const holder = await store.findPasswordReset(sha256Hex(token), clock());
      if (holder === null) throw invalidResetLink();
      return holder.userId;
    },

    /** Uses the link up, once, atomically across processes. */
    async consume(token: string): Promise<string> {
      if (!hasSecretShape('passwordReset', token)) throw invalidResetLink();
      const used = await store.consumePasswordReset(sha256Hex(token), clock());
      if (used === null) throw invalidResetLink();
      return used.userId;
    },
  };
}

export type PasswordResets = ReturnType<typeof createPasswordResets>;
