import type { FastifyInstance, FastifyReply } from 'fastify';

/** The GraphQL-over-HTTP media types, newest first. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const LEGACY_JSON = 'application/json';
export type GraphQLMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof LEGACY_JSON;

declare module 'fastify' {
  interface FastifyRequest {
    /** The response media type chosen from `Accept` (GraphQL over HTTP). */
    graphqlMediaType?: GraphQLMediaType;
  }
}

/**
 * GraphQL over HTTP (the GraphQL Foundation's spec) around Mercurius' route:
 * picks the response media type from `Accept`, refuses malformed requests with
 * 4xx before Mercurius sees them, and lets `null` stand for an absent
 * `operationName`, `variables` or `extensions`, as the spec requires.
 */
export function graphqlOverHttp(app: FastifyInstance, path: string): void {
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url !== path || request.headers.upgrade) return;
    const mediaType = negotiate(request.headers.accept);
    if (mediaType === null) {
      return refuse(reply, 406, `Accept ${GRAPHQL_RESPONSE_JSON} or ${LEGACY_JSON}`);
    }
    request.graphqlMediaType = mediaType;
    if (request.method === 'POST' && !request.headers['content-type']) {
      return refuse(reply, 415, `Send the request as ${LEGACY_JSON} (no Content-Type was given)`);
    }
    const params = request.method === 'POST' ? request.body : request.query;
    const problem = findParameterProblem(params, request.method === 'GET');
    if (problem !== null) return refuse(reply, 400, problem);
    dropNulls(params as Record<string, unknown>);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      request.graphqlMediaType === GRAPHQL_RESPONSE_JSON &&
      String(reply.getHeader('content-type')).startsWith(LEGACY_JSON)
    ) {
      reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
    }
    return payload;
  });
}

/** The media type the client accepts most, preferring the newer one on a tie; null when it accepts neither. */
export function negotiate(accept: string | undefined): GraphQLMediaType | null {
  if (accept === undefined || accept.trim() === '') return LEGACY_JSON;
  let best: { type: GraphQLMediaType; q: number } | null = null;
  for (const range of accept.split(',')) {
    const [name = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (!(q > 0)) continue;
    // A wildcard means the classic type: clients that list nothing specific get application/json.
    const type =
      name === GRAPHQL_RESPONSE_JSON
        ? GRAPHQL_RESPONSE_JSON
        : [LEGACY_JSON, 'application/*', '*/*'].includes(name)
          ? LEGACY_JSON
          : null;
    if (type === null) continue;
    if (best === null || q > best.q || (q === best.q && type === GRAPHQL_RESPONSE_JSON)) best = { type, q };
  }
  return best?.type ?? null;
}

/** What is wrong with the request's parameters (query, operationName, variables, extensions), or null. */
function findParameterProblem(params: unknown, fromQueryString: boolean): string | null {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return 'The request must be a JSON object with a "query"';
  }
  const { query, operationName, variables, extensions } = params as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return 'The "query" parameter must be a non-empty string';
  if (operationName != null && typeof operationName !== 'string')
    return 'The "operationName" parameter must be a string';
  for (const [name, value] of [
    ['variables', variables],
    ['extensions', extensions],
  ] as const) {
    if (value == null) continue;
    // On GET they arrive as JSON text, which Mercurius parses.
    if (fromQueryString ? typeof value !== 'string' : !isMap(value)) return `The "${name}" parameter must be a map`;
  }
  return null;
}

function isMap(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `null` means "not given" in GraphQL over HTTP; Mercurius' own schema wants the key absent. */
function dropNulls(params: Record<string, unknown>): void {
  for (const name of ['operationName', 'variables', 'extensions']) if (params[name] === null) delete params[name];
}

/** Shaped like error-formatter.ts's request errors: `data: null` only for application/json clients. */
function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  const mediaType = reply.request.graphqlMediaType ?? LEGACY_JSON;
  const errors = [{ message, extensions: { code: 'BAD_REQUEST' } }];
  return reply
    .code(status)
    .type(`${mediaType}; charset=utf-8`)
    .send(mediaType === LEGACY_JSON ? { data: null, errors } : { errors });
}
