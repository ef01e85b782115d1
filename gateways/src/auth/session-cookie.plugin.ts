import { isDomainError } from '@bishop/domain';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { unauthenticated } from './auth-errors.ts';
import type { AuthService } from './auth-service.ts';
import {
  assertSameOriginBrowserCall,
  forgetRefreshToken,
  keepRefreshToken,
  REFRESH_COOKIE_PATH,
  refreshTokenOf,
} from './session-cookie.ts';

export interface SessionCookieOptions {
  readonly auth: Pick<AuthService, 'refresh' | 'logOut'>;
}

/**
 * The web app's session routes, the only ones its refresh-token cookie reaches:
 * POST /api/session/refresh   rotates the cookie and answers a new access token (never the refresh token);
 * POST /api/session/logout    ends the session on the server and clears the cookie.
 * Both need `Bishop-Session: cookie` and a same-origin page (see assertSameOriginBrowserCall).
 * Wrapped with fastify-plugin: GraphQL's session mutations set the cookie too (reply.setCookie).
 */
export const sessionCookiePlugin = fastifyPlugin(sessionRoutes, { name: 'bishop-session-cookie', fastify: '5.x' });

async function sessionRoutes(app: FastifyInstance, { auth }: SessionCookieOptions): Promise<void> {
  await app.register(fastifyCookie);
  // Checked first, before any body is parsed: a cross-site form post is refused like any other.
  const onRequest = async (request: FastifyRequest) => assertSameOriginBrowserCall(request);

  app.post(`${REFRESH_COOKIE_PATH}/refresh`, { onRequest }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const token = refreshTokenOf(request);
    try {
      if (!token) throw unauthenticated('You are not signed in on this browser; please log in', 'missing');
      const session = await auth.refresh(token);
      keepRefreshToken(reply, session);
      return { accessToken: session.accessToken, accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString() };
    } catch (error) {
      // A refused token is dead for good: drop the cookie so the browser stops sending it.
      if (isDomainError(error) && error.category === 'UNAUTHENTICATED') forgetRefreshToken(reply);
      throw error;
    }
  });

  app.post(`${REFRESH_COOKIE_PATH}/logout`, { onRequest }, async (request, reply) => {
    const token = refreshTokenOf(request);
    forgetRefreshToken(reply);
    reply.header('cache-control', 'no-store');
    // Logging out twice, or with a cookie the server already ended, is still a log-out.
    if (token) await auth.logOut(token).catch((error: unknown) => ignoreUnauthenticated(error));
    return { loggedOut: true };
  });
}

function ignoreUnauthenticated(error: unknown): void {
  if (!(isDomainError(error) && error.category === 'UNAUTHENTICATED')) throw error;
}
