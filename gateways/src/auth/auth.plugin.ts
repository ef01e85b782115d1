import { type Actor, isDomainError, userActor } from '@bishop/domain';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { unauthenticated } from './auth-errors.ts';
import type { AuthService } from './auth-service.ts';
import type { Credential } from './credentials.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request: `null` when it carried no credentials. */
    actor: Actor | null;
    /** What it authenticated with (a session or an API token): `null` when anonymous. */
    credential: Credential | null;
  }
}

export interface AuthPluginOptions {
  readonly auth: Pick<AuthService, 'authenticateCredential'>;
}

/**
 * Sets `request.actor` from the Authorization header on every request.
 * Anonymous requests pass with `null` (each resolver decides what needs a
 * user); a credential that is present but invalid or expired is answered
 * 401 with BISHOP_ERR_UNAUTHENTICATED, so the client knows to refresh or
 * log in again. Wrapped with fastify-plugin: sibling plugins (GraphQL,
 * uploads, media) see the decoration.
 */
export const authPlugin = fastifyPlugin(
  async (app: FastifyInstance, { auth }: AuthPluginOptions) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('credential', null);
    app.addHook('onRequest', async (request, reply) => {
      try {
        request.credential = await auth.authenticateCredential(request.headers.authorization);
        request.actor = request.credential === null ? null : userActor(request.credential.userId);
      } catch (error) {
        if (isDomainError(error) && error.category === 'UNAUTHENTICATED') {
          // RFC 6750: say which scheme, and that the token (not the request) is at fault.
          reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"');
        }
        throw error;
      }
    });
  },
  { name: 'bishop-auth', fastify: '5.x' },
);

/**
 * GraphQL over WebSocket carries credentials in the `connection_init`
 * payload (`{ authorization: 'Bearer …' }`) because browsers cannot set
 * headers on a WebSocket. Same answers as the header: `null` when absent,
 * UNAUTHENTICATED when present but invalid — and, since a socket lives long,
 * a session must still stand in the store, not only in its token.
 */
export async function credentialFromConnectionInit(
  auth: Pick<AuthService, 'authenticateCredential'>,
  payload: unknown,
): Promise<Credential | null> {
  const fields: Record<string, unknown> = typeof payload === 'object' && payload !== null ? { ...payload } : {};
  // Clients spell the field either way.
  const authorization = fields.authorization ?? fields.Authorization;
  if (authorization === undefined || authorization === null) return null;
  if (typeof authorization !== 'string') {
    throw unauthenticated('The authorization field must be "Bearer <token>"', 'invalid');
  }
  return auth.authenticateCredential(authorization, { confirmSession: true });
}
