import { type Actor, DomainError } from '@bishop/domain';
import type { FastifyRequest } from 'fastify';
import { signedInUser } from '../auth/signed-in-user.ts';
import type { OwnershipCheck } from '../graphql/ownership.ts';
import { formatBytes } from './store-upload.ts';

export function metadataFor(actor: Actor, request: FastifyRequest) {
  return { commandId: crypto.randomUUID(), actor, now: new Date().toISOString(), correlationId: request.id };
}

export function tooLarge(fileName: string, maxBytes: number): DomainError {
  return new DomainError(
    'BISHOP_ERR_FILE_TOO_LARGE',
    `"${fileName}" is larger than the limit of ${formatBytes(maxBytes)}`,
    { fileName, maxBytes },
  );
}

/** The signed-in uploader, refused unless the avatar in the path is theirs. */
export async function ownedAvatar(
  request: FastifyRequest<{ Params: { avatarId: string } }>,
  options: { readonly owns: OwnershipCheck },
) {
  const actor = signedInUser(request, 'to upload files');
  await options.owns('AVATAR', request.params.avatarId, actor.userId);
  return { userId: actor.userId, actor };
}
