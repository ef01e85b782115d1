/** What the browser keeps between reloads: the tokens of the session and who it belongs to. */
export interface StoredSession {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly accessTokenExpiresAt: number;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
}

/** The shape every session-returning mutation gives (signUp, logIn, refreshSession). */
export interface SessionPayload {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

export const SESSION_STORAGE_KEY = 'bishop.session';

export function toStoredSession(payload: SessionPayload): StoredSession {
  return {
    accessToken: payload.accessToken,
    accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt),
    refreshToken: payload.refreshToken,
    user: { id: payload.user.id, email: payload.user.email, fullName: payload.user.fullName },
  };
}

/** Reads the stored session; anything unreadable counts as signed out. */
export function parseStoredSession(text: string | null): StoredSession | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredSession>;
    if (
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.accessTokenExpiresAt === 'number' &&
      typeof value.user?.id === 'string'
    ) {
      return value as StoredSession;
    }
  } catch {
    // A hand-edited or truncated entry: start signed out rather than crash.
  }
  return null;
}

/** The session kept in localStorage (shared by every tab of the origin). */
export const localSessionStorage = {
  read: (): StoredSession | null => parseStoredSession(localStorage.getItem(SESSION_STORAGE_KEY)),
  write: (session: StoredSession | null): void => {
    if (session) localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_STORAGE_KEY);
  },
};
