import { ApiError } from '../graphql/api-error.ts';
import { httpError } from '../uploads/send-file.ts';
import { type AccessToken, toAccessToken } from './stored-session.ts';
import { SessionExpiredError } from './token-refresher.ts';

/** The page's fetch (SvelteKit's in loads); not imported from the transport, which imports this module. */
type Fetch = typeof fetch;

/**
 * Asks the API for a cookie session: the refresh token goes into an HttpOnly cookie,
 * never into an answer a script could read. The session routes also require it (a
 * custom header a cross-site page cannot send without the server's consent).
 */
export const COOKIE_SESSION_HEADERS: Readonly<Record<string, string>> = { 'bishop-session': 'cookie' };

async function postSessionRoute(fetcher: Fetch, action: 'refresh' | 'logout'): Promise<Response> {
  try {
    return await fetcher(`/api/session/${action}`, {
      method: 'POST',
      headers: COOKIE_SESSION_HEADERS,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw ApiError.network(error);
  }
}

/** A new access token for the cookie's session (the cookie rotates on the way). */
export async function refreshWithCookie(fetcher: Fetch): Promise<AccessToken> {
  const response = await postSessionRoute(fetcher, 'refresh');
  const body = (await response.json().catch(() => null)) as { accessToken?: string; accessTokenExpiresAt?: string };
  // Only the server saying no ends the session; a network hiccup must not sign anyone out.
  if (response.status === 401) throw new SessionExpiredError(httpError(body, 401).message);
  if (!response.ok || !body?.accessToken || !body.accessTokenExpiresAt) throw httpError(body, response.status);
  return toAccessToken({ accessToken: body.accessToken, accessTokenExpiresAt: body.accessTokenExpiresAt });
}

/** Ends the session on the server and has it clear the cookie. */
export async function endCookieSession(fetcher: Fetch): Promise<void> {
  await postSessionRoute(fetcher, 'logout');
}
