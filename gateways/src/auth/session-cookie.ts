import { DomainError } from '@bishop/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app keeps its refresh token where no script can read it: an HttpOnly cookie
 * sent only to the session routes. A client asks for this with `Bishop-Session: cookie`
 * on signUp/logIn/refreshSession (the token then never appears in the answer); API
 * clients that do not ask keep getting the token in the body, as before.
 */
export const SESSION_MODE_HEADER = 'bishop-session';
export const REFRESH_COOKIE = 'bishop_refresh';
/** The routes that read the cookie; the browser sends it nowhere else (not to /graphql, not to media). */
export const REFRESH_COOKIE_PATH = '/api/session';

const cookieOptions = { path: REFRESH_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' } as const;

export const wantsCookieSession = (request: FastifyRequest): boolean =>
  request.headers[SESSION_MODE_HEADER] === 'cookie';

export function keepRefreshToken(reply: FastifyReply, session: { refreshToken: string; refreshTokenExpiresAt: Date }) {
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, { ...cookieOptions, expires: session.refreshTokenExpiresAt });
}

export function forgetRefreshToken(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions);
}

export const refreshTokenOf = (request: FastifyRequest): string | undefined => request.cookies[REFRESH_COOKIE];

/**
 * CSRF defence of the cookie routes, on top of SameSite=Strict: the custom header makes
 * any cross-origin call need a CORS preflight (which Bishop never grants); the browser's
 * own Sec-Fetch-Site and Origin, when present, must say the page is Bishop's.
 */
export function assertSameOriginBrowserCall(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const refused = (why: string) =>
    new DomainError('BISHOP_ERR_FORBIDDEN', `This session route answers only Bishop's own pages (${why})`, {
      reason: 'cross-site',
    });
  if (!wantsCookieSession(request)) throw refused(`the ${SESSION_MODE_HEADER}: cookie header is missing`);
  if (site !== undefined && site !== 'same-origin') throw refused(`the request came from a ${site} page`);
  if (origin === 'null') throw refused('the request came from an opaque origin');
  // Without Sec-Fetch-Site (older browsers) the Origin must at least name this host.
  if (site === undefined && origin !== undefined && hostOf(origin) !== request.host) {
    throw refused('the request came from another origin');
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
