/**
 * What the browser keeps between reloads: only who is signed in, never a token. The
 * refresh token lives in an HttpOnly cookie no script can read; the access token only
 * in the memory of each tab.
 */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
}

/** An access token held in memory, with its expiry in epoch milliseconds. */
export interface AccessToken {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: number;
}

/** The shape signUp and logIn give (the refresh token went into the cookie). */
export interface SessionPayload {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  readonly user: SessionUser;
}

export const SESSION_STORAGE_KEY = 'bishop.user';
/** Where earlier versions kept both tokens: removed on sight. */
const LEGACY_STORAGE_KEY = 'bishop.session';

export function toAccessToken(payload: { accessToken: string; accessTokenExpiresAt: string }): AccessToken {
  return { accessToken: payload.accessToken, accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt) };
}

/** Reads the stored user; anything unreadable counts as signed out. */
export function parseStoredUser(text: string | null): SessionUser | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SessionUser>;
    if (typeof value.id === 'string' && typeof value.email === 'string' && typeof value.fullName === 'string') {
      return { id: value.id, email: value.email, fullName: value.fullName };
    }
  } catch {
    // A hand-edited or truncated entry: start signed out rather than crash.
  }
  return null;
}

/** The signed-in user kept in localStorage (shared by every tab of the origin, so sign-in/out reaches them all). */
export const storedUser = {
  read: (): SessionUser | null => parseStoredUser(localStorage.getItem(SESSION_STORAGE_KEY)),
  write: (user: SessionUser | null): void => {
    if (user) {
      const { id, email, fullName } = user;
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ id, email, fullName }));
    } else {
      localStorage.removeItem(SESSION_STORAGE_KEY);
    }
  },
  forgetLegacyTokens: (): void => localStorage.removeItem(LEGACY_STORAGE_KEY),
};
