import { type Actor, DomainError } from '@bishop/domain';
import type { FastifyRequest } from 'fastify';
// `request.actor` is declared (and set on every request) by the auth plugin.
import type {} from './auth.plugin.ts';

export type SignedInUser = Actor & { readonly kind: 'user' };

/** The signed-in user behind a request; anyone else is refused, told to sign in `toDo` ("to upload files"). */
export function signedInUser(request: FastifyRequest, toDo: string): SignedInUser {
  const actor = signedInUserOrNull(request);
  if (actor === null) throw new DomainError('BISHOP_ERR_UNAUTHENTICATED', `Sign in ${toDo}`);
  return actor;
}

/** The signed-in user behind a request, or null (anonymous, or an app without the auth plugin). */
export function signedInUserOrNull(request: FastifyRequest): SignedInUser | null {
  const actor = request.actor as Actor | null | undefined;
  return actor?.kind === 'user' ? actor : null;
}
