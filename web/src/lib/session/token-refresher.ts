import type { StoredSession } from './stored-session.ts';

export interface TokenRefresherDeps {
  now(): number;
  read(): StoredSession | null;
  write(session: StoredSession | null): void;
  /** Trades a refresh token for a new session; rejects with `expired: true` when the server ended the session. */
  refresh(refreshToken: string): Promise<StoredSession>;
  /** Runs `work` while no other tab refreshes (navigator.locks); defaults to running it directly. */
  exclusive?<T>(work: () => Promise<T>): Promise<T>;
}

/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
}

/**
 * Hands out a valid access token, refreshing it silently when it is about to expire.
 * The refresh token works once (the server ends the whole session if an old one is
 * reused), so: one refresh at a time in this tab (single flight), one across tabs
 * (an exclusive lock), and after waiting for the lock the stored session is read
 * again: when another tab has already rotated it, its result is used as it is.
 */
export function createTokenRefresher(deps: TokenRefresherDeps) {
  let inflight: Promise<StoredSession | null> | null = null;
  const exclusive = deps.exclusive ?? (<T>(work: () => Promise<T>) => work());

  const fresh = (session: StoredSession) => session.accessTokenExpiresAt - deps.now() > REFRESH_MARGIN_MS;

  function refreshOnce(staleRefreshToken: string): Promise<StoredSession | null> {
    inflight ??= exclusive(async () => {
      const current = deps.read();
      if (!current) return null;
      // Another tab rotated the tokens while we waited for the lock.
      if (current.refreshToken !== staleRefreshToken && fresh(current)) return current;
      try {
        const next = await deps.refresh(current.refreshToken);
        deps.write(next);
        return next;
      } catch (error) {
        if (error instanceof SessionExpiredError) deps.write(null);
        throw error;
      }
    }).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  return {
    /** A token good for at least a minute, or null when signed out. */
    async accessToken(): Promise<string | null> {
      const session = deps.read();
      if (!session) return null;
      if (fresh(session)) return session.accessToken;
      return (await refreshOnce(session.refreshToken))?.accessToken ?? null;
    },
    /** The server refused the token it was given (e.g. revoked early): get a new one. */
    async renew(rejectedToken: string): Promise<string | null> {
      const session = deps.read();
      if (!session) return null;
      if (session.accessToken !== rejectedToken) return session.accessToken;
      return (await refreshOnce(session.refreshToken))?.accessToken ?? null;
    },
  };
}

export type TokenRefresher = ReturnType<typeof createTokenRefresher>;
