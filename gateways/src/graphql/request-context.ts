import type { Actor } from '@bishop/domain';
import type { Credential } from '../auth/index.ts';

/** What every resolver receives besides its arguments. */
export interface RequestContext {
  /** The caller: a user (signed in or via API token), or null when anonymous. */
  readonly actor: Actor | null;
  /** What the caller authenticated with: sessions and API tokens may do different things. */
  readonly credential: Credential | null;
  /** Correlation id of the request, copied into commands and logs. */
  readonly correlationId: string;
  /** The client's address as the gateway sees it (for login throttling). */
  readonly clientIp: string;
  /**
   * Set when the client asked for a cookie session (`Bishop-Session: cookie`, the web app):
   * session mutations hand their refresh token to it instead of answering it.
   */
  readonly refreshTokenCookie: RefreshTokenCookie | null;
}

export interface RefreshTokenCookie {
  keep(session: { readonly refreshToken: string; readonly refreshTokenExpiresAt: Date }): void;
}

/** The signed-in user's id; resolvers behind the guard can rely on it. */
export function callerId(context: RequestContext): string {
  if (context.actor?.kind !== 'user') throw new Error('guarded resolver ran without a signed-in user');
  return context.actor.userId;
}
