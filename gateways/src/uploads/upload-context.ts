import { type Actor, DomainError } from '@bishop/domain';
import type { FastifyRequest } from 'fastify';
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
