import type { AccessToken } from './stored-session.ts';

export interface TokenRefresherDeps {
  now(): number;
  /** The access token this tab holds in memory, if any. */
  read(): AccessToken | null;
  write(token: AccessToken | null): void;
  /** Whether someone is signed in (refreshing makes no sense otherwise). */
  signedIn(): boolean;
  /** Trades the refresh cookie for a new access token; rejects with SessionExpiredError when the server ended the session. */
  refresh(): Promise<AccessToken>;
  /** The server ended the session (the refresh was refused). */
  expired(): void;
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
 * The refresh token (a cookie shared by every tab) works once — the server ends the
 * whole session if an old one is reused — so refreshes never overlap: one at a time in
 * this tab (single flight) and one across tabs (an exclusive lock), so each refresh
 * sends the cookie the previous one set.
 */
export function createTokenRefresher(deps: TokenRefresherDeps) {
  let inflight: Promise<AccessToken | null> | null = null;
  const exclusive = deps.exclusive ?? (<T>(work: () => Promise<T>) => work());

  const fresh = (token: AccessToken) => token.accessTokenExpiresAt - deps.now() > REFRESH_MARGIN_MS;

  function refreshOnce(): Promise<AccessToken | null> {
    inflight ??= exclusive(async () => {
      if (!deps.signedIn()) return null;
      try {
        const next = await deps.refresh();
        deps.write(next);
        return next;
      } catch (error) {
        if (error instanceof SessionExpiredError) {
          deps.write(null);
          deps.expired();
        }
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
      if (!deps.signedIn()) return null;
      const current = deps.read();
      if (current && fresh(current)) return current.accessToken;
      return (await refreshOnce())?.accessToken ?? null;
    },
    /** The server refused the token it was given (e.g. revoked early): get a new one, unless that already happened. */
    async renew(rejectedToken: string): Promise<string | null> {
      if (!deps.signedIn()) return null;
      const current = deps.read();
      if (current && current.accessToken !== rejectedToken && fresh(current)) return current.accessToken;
      return (await refreshOnce())?.accessToken ?? null;
    },
  };
}

export type TokenRefresher = ReturnType<typeof createTokenRefresher>;
