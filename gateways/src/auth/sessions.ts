import { randomUUID } from 'node:crypto';
import type { RevocationSignal } from '@bishop/domain';
import type { AccessTokens, IssuedAccessToken } from './access-tokens.ts';
import { sessionEnded, sessionExpired, unauthenticated } from './auth-errors.ts';
import type { AuthStore } from './auth-store.ts';
import { hasSecretShape, newSecret, sha256Hex } from './secrets.ts';

/** What a successful sign-up, log-in or refresh hands the client. */
export interface AuthSession extends IssuedAccessToken {
  readonly userId: string;
  /** Opaque; exchange it once at `refresh` for a new session. */
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  /** The refresh-token family this session is; its access tokens carry it as `sid`. */
  readonly sessionId: string;
}

export interface SessionOptions {
  readonly store: AuthStore;
  readonly accessTokens: AccessTokens;
  readonly refreshTokenTtlSeconds: number;
  readonly clock: () => Date;
  /** Tells every gateway process that a session ended, so sockets riding on it close. */
  readonly announce: (signal: RevocationSignal) => void;
}

/**
 * Sessions as refresh-token families: a log-in opens a family; every refresh
 * rotates its token (the old one stops working); presenting a rotated token
 * again means two parties hold the family's tokens — a thief among them — so
 * the whole family is revoked and everyone must log in again (OAuth 2.0
 * Security BCP, refresh token rotation). Each new refresh token lives the
 * full TTL again, so an active session never expires.
 */
export function createSessions(options: SessionOptions) {
  const { store, accessTokens, clock } = options;
  const refreshExpiry = (now: Date) => new Date(now.getTime() + options.refreshTokenTtlSeconds * 1000);

  async function sessionFor(
    userId: string,
    sessionId: string,
    refreshToken: string,
    refreshTokenExpiresAt: Date,
  ): Promise<AuthSession> {
    return { userId, sessionId, refreshToken, refreshTokenExpiresAt, ...(await accessTokens.issue(userId, sessionId)) };
  }

  /** Revokes the family of this token (every token it had or will have) and tells every gateway. */
  async function endFamilyOf(tokenHash: string, reason: 'loggedOut' | 'refreshReused'): Promise<void> {
    const ended = await store.revokeRefreshFamilyOf(tokenHash, clock());
    if (ended !== null) options.announce({ kind: 'session', userId: ended.userId, sessionId: ended.familyId, reason });
  }

  return {
    async start(userId: string): Promise<AuthSession> {
      const now = clock();
      const refreshToken = newSecret('refreshToken');
      const expiresAt = refreshExpiry(now);
      const familyId = randomUUID();
      await store.startRefreshFamily({ tokenHash: sha256Hex(refreshToken), familyId, userId, expiresAt }, now);
      return sessionFor(userId, familyId, refreshToken, expiresAt);
    },

    async refresh(refreshToken: string): Promise<AuthSession> {
      if (!hasSecretShape('refreshToken', refreshToken)) throw unauthenticated('Invalid refresh token', 'invalid');
      const now = clock();
      const presentedHash = sha256Hex(refreshToken);
      const successor = newSecret('refreshToken');
      const expiresAt = refreshExpiry(now);
      const rotation = await store.rotateRefreshToken(
        presentedHash,
        { tokenHash: sha256Hex(successor), expiresAt },
        now,
      );
      switch (rotation.outcome) {
        case 'rotated':
          return sessionFor(rotation.userId, rotation.familyId, successor, expiresAt);
        case 'reused':
          await endFamilyOf(presentedHash, 'refreshReused');
          throw unauthenticated(
            'This refresh token was already used, so the session was ended for your safety; please log in again',
            'reused',
          );
        case 'expired':
          throw sessionExpired();
        case 'revoked':
          throw sessionEnded();
        case 'unknown':
          throw unauthenticated('Invalid refresh token', 'invalid');
      }
    },

    /** Log-out: neither this token nor any of its family works again. Idempotent: an unknown token is ignored. */
    async end(refreshToken: string): Promise<void> {
      if (!hasSecretShape('refreshToken', refreshToken)) throw unauthenticated('Invalid refresh token', 'invalid');
      await endFamilyOf(sha256Hex(refreshToken), 'loggedOut');
    },

    /**
     * Ends every session of the account (password reset, account deletion), or every one but the
     * caller's (password change); returns their ids.
     */
    async endAll(
      userId: string,
      reason: 'passwordReset' | 'passwordChanged' | 'emailChanged' | 'accountClosed',
      exceptSessionId?: string,
    ): Promise<readonly string[]> {
      const sessionIds = await store.revokeRefreshFamiliesOfUser(userId, clock(), exceptSessionId);
      if (reason !== 'accountClosed') options.announce({ kind: 'sessions', userId, sessionIds, reason });
      return sessionIds;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
