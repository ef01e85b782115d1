import { forgetPositions } from '../graphql/consistency.ts';
import { endCookieSession, refreshWithCookie } from './cookie-session.ts';
import {
  type AccessToken,
  SESSION_STORAGE_KEY,
  type SessionPayload,
  type SessionUser,
  storedUser,
  toAccessToken,
} from './stored-session.ts';
import { createTokenRefresher, type TokenRefresher } from './token-refresher.ts';

function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('bishop.session.refresh', work) : work();
}

/**
 * Who is signed in. The refresh token is an HttpOnly cookie (no script, ours included,
 * can read it); the access token lives in this tab's memory; localStorage holds only
 * the user, so a reload (or another tab) knows someone is signed in and refreshes.
 */
class Session {
  user = $state<SessionUser | null>(null);
  /** Why the user was signed out without asking (shown on the login page). */
  ended = $state<'expired' | null>(null);
  #access: AccessToken | null = null;
  #refresher: TokenRefresher;
  #resetters = new Set<() => void>();

  constructor() {
    this.#refresher = createTokenRefresher({
      now: () => Date.now(),
      read: () => this.#access,
      write: (token) => {
        this.#access = token;
      },
      signedIn: () => this.user !== null,
      refresh: () => refreshWithCookie(fetch),
      expired: () => this.expire(),
      exclusive: acrossTabs,
    });
    if (typeof window === 'undefined') return;
    storedUser.forgetLegacyTokens();
    this.user = storedUser.read();
    // Signing in or out in one tab does the same in the others.
    window.addEventListener('storage', (event) => {
      if (event.key !== SESSION_STORAGE_KEY) return;
      const stored = storedUser.read();
      if (!stored) {
        if (this.user) this.#clear(null);
        return;
      }
      // Someone else signed in there: this tab's token belongs to the previous user.
      if (stored.id !== this.user?.id) this.#access = null;
      this.user = stored;
    });
  }

  get signedIn(): boolean {
    return this.user !== null;
  }

  /** After signUp / logIn (sent with the cookie-session header, so the refresh token is already a cookie). */
  start(payload: SessionPayload): void {
    this.#access = toAccessToken(payload);
    storedUser.write(payload.user);
    this.ended = null;
    this.user = { id: payload.user.id, email: payload.user.email, fullName: payload.user.fullName };
  }

  /** After the profile changed (e.g. the full name). */
  updateUser(user: Partial<SessionUser>): void {
    if (!this.user) return;
    const next = { ...this.user, ...user };
    storedUser.write(next);
    this.user = next;
  }

  accessToken(): Promise<string | null> {
    return this.#refresher.accessToken();
  }

  renew(rejectedToken: string): Promise<string | null> {
    return this.#refresher.renew(rejectedToken);
  }

  /** Logs out on the server (ending the session and clearing its cookie) and forgets everything client-side. */
  async signOut(): Promise<void> {
    storedUser.write(null);
    this.#clear(null);
    await endCookieSession(fetch).catch(() => {
      // Already ended on the server, or offline: nothing of the session is readable in this browser either way.
    });
  }

  /** The server no longer accepts this session. */
  expire(): void {
    storedUser.write(null);
    this.#clear('expired');
  }

  /** Client state that belongs to the signed-in user registers here and is dropped on sign-out. */
  onReset(reset: () => void): () => void {
    this.#resetters.add(reset);
    return () => this.#resetters.delete(reset);
  }

  #clear(reason: 'expired' | null): void {
    const hadUser = this.user !== null;
    this.#access = null;
    this.user = null;
    if (hadUser) this.ended = reason;
    forgetPositions();
    for (const reset of this.#resetters) reset();
  }
}

export const session = new Session();
