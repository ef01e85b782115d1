import { isApiError } from '../graphql/api-error.ts';
import { forgetPositions } from '../graphql/consistency.ts';
import { LogOutDocument, RefreshSessionDocument } from '../graphql/generated/graphql.ts';
import { postGraphQL } from '../graphql/transport.ts';
import {
  localSessionStorage,
  SESSION_STORAGE_KEY,
  type SessionPayload,
  type SessionUser,
  type StoredSession,
  toStoredSession,
} from './stored-session.ts';
import { createTokenRefresher, SessionExpiredError, type TokenRefresher } from './token-refresher.ts';

async function refreshWithServer(refreshToken: string): Promise<StoredSession> {
  try {
    const data = await postGraphQL(fetch, RefreshSessionDocument, { refreshToken });
    return toStoredSession(data.refreshSession);
  } catch (error) {
    // Only the server saying no ends the session; a network hiccup must not sign anyone out.
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') throw new SessionExpiredError(error.message);
    throw error;
  }
}

function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('bishop.session.refresh', work) : work();
}

/** Who is signed in. Tokens live in localStorage, so a reload (or another tab) keeps the session. */
class Session {
  user = $state<SessionUser | null>(null);
  /** Why the user was signed out without asking (shown on the login page). */
  ended = $state<'expired' | null>(null);
  #refresher: TokenRefresher;
  #resetters = new Set<() => void>();

  constructor() {
    this.#refresher = createTokenRefresher({
      now: () => Date.now(),
      read: () => localSessionStorage.read(),
      write: (session) => {
        localSessionStorage.write(session);
        if (!session) this.#clear('expired');
      },
      refresh: refreshWithServer,
      exclusive: acrossTabs,
    });
    if (typeof window === 'undefined') return;
    this.user = localSessionStorage.read()?.user ?? null;
    // Signing in or out in one tab does the same in the others.
    window.addEventListener('storage', (event) => {
      if (event.key !== SESSION_STORAGE_KEY) return;
      const stored = localSessionStorage.read();
      if (stored) this.user = stored.user;
      else if (this.user) this.#clear(null);
    });
  }

  get signedIn(): boolean {
    return this.user !== null;
  }

  /** After signUp / logIn. */
  start(payload: SessionPayload): void {
    const stored = toStoredSession(payload);
    localSessionStorage.write(stored);
    this.ended = null;
    this.user = stored.user;
  }

  /** After the profile changed (e.g. the full name). */
  updateUser(user: Partial<SessionUser>): void {
    const stored = localSessionStorage.read();
    if (!stored || !this.user) return;
    const next = { ...stored.user, ...user };
    localSessionStorage.write({ ...stored, user: next });
    this.user = next;
  }

  accessToken(): Promise<string | null> {
    return this.#refresher.accessToken();
  }

  renew(rejectedToken: string): Promise<string | null> {
    return this.#refresher.renew(rejectedToken);
  }

  /** Logs out on the server (ending the refresh token) and forgets everything client-side. */
  async signOut(): Promise<void> {
    const stored = localSessionStorage.read();
    localSessionStorage.write(null);
    this.#clear(null);
    if (stored) {
      await postGraphQL(fetch, LogOutDocument, { refreshToken: stored.refreshToken }).catch(() => {
        // Already ended on the server, or offline: the tokens are gone from this browser either way.
      });
    }
  }

  /** The server no longer accepts this session. */
  expire(): void {
    localSessionStorage.write(null);
    this.#clear('expired');
  }

  /** Client state that belongs to the signed-in user registers here and is dropped on sign-out. */
  onReset(reset: () => void): () => void {
    this.#resetters.add(reset);
    return () => this.#resetters.delete(reset);
  }

  #clear(reason: 'expired' | null): void {
    const hadUser = this.user !== null;
    this.user = null;
    if (hadUser) this.ended = reason;
    forgetPositions();
    for (const reset of this.#resetters) reset();
  }
}

export const session = new Session();
