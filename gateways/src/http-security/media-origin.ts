import { DomainError } from '@bishop/domain';
import type { FastifyInstance } from 'fastify';

const mediaOnlyPaths = ['/api/media/', '/healthz', '/readyz'];

/**
 * On the separate media origin nothing but user files (and health) answers: no web app
 * whose storage a file could reach, no API, no session routes.
 */
export function servesMediaOnly(app: FastifyInstance, mediaOrigin: string): void {
  const mediaHost = new URL(mediaOrigin).host;
  app.addHook('onRequest', async (request) => {
    if (request.host !== mediaHost) return;
    if (mediaOnlyPaths.some((path) => request.url.startsWith(path))) return;
    throw new DomainError('BISHOP_ERR_NOT_FOUND', `${request.url} is not served on the media origin`);
  });
}
