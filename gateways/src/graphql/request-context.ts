import type { Actor } from '@bishop/domain';

/** What every resolver receives besides its arguments. */
export interface RequestContext {
  /** The caller: a user (signed in or via API token), or null when anonymous. */
  readonly actor: Actor | null;
  /** Correlation id of the request, copied into commands and logs. */
  readonly correlationId: string;
  /** The client's address as the gateway sees it (for login throttling). */
  readonly clientIp: string;
}

/** The signed-in user's id; resolvers behind the guard can rely on it. */
export function callerId(context: RequestContext): string {
  if (context.actor?.kind !== 'user') throw new Error('guarded resolver ran without a signed-in user');
  return context.actor.userId;
}
