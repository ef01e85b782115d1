import { randomUUID } from 'node:crypto';
import { type ErrorCategory, isDomainError } from '@bishop/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const statusOf: Record<ErrorCategory, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * Errors of the plain HTTP routes (uploads, media, health) as JSON with the
 * same codes GraphQL uses: `{ error: { code, bishopCode, message } }`.
 * Unexpected errors are logged with a reference, never shown raw.
 */
export function handleHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDomainError(error)) {
    const retryAfter = error.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    // GraphQL clients read `errors`, even for a credential refused before the query ran.
    if (request.url.startsWith('/graphql')) {
      return reply.code(statusOf[error.category]).send({
        data: null,
        errors: [
          {
            message: error.message,
            extensions: { code: error.category, bishopCode: error.code, details: error.details },
          },
        ],
      });
    }
    return reply.code(statusOf[error.category]).send({
      error: { code: error.category, bishopCode: error.code, message: error.message, details: error.details },
    });
  }
  if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
    return reply
      .code(413)
      .send({ error: { code: 'VALIDATION', bishopCode: 'BISHOP_ERR_FILE_TOO_LARGE', message: error.message } });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send({
      error: { code: 'BAD_REQUEST', bishopCode: error.code ?? 'BISHOP_ERR_BAD_REQUEST', message: error.message },
    });
  }
  const reference = randomUUID();
  request.log.error({ err: error, reference }, 'unexpected error');
  return reply.code(500).send({
    error: { code: 'INTERNAL', message: `Something went wrong on our side (reference ${reference})`, reference },
  });
}
