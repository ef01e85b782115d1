import { randomUUID } from 'node:crypto';
import { isDomainError } from '@bishop/domain';
import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { GRAPHQL_RESPONSE_JSON } from './graphql-over-http.ts';

interface Execution {
  readonly data?: unknown;
  readonly errors: readonly GraphQLError[];
  readonly statusCode?: number;
}

/**
 * Every error leaves with `extensions.code` (UNAUTHENTICATED, FORBIDDEN,
 * NOT_FOUND, CONFLICT, VALIDATION, RATE_LIMITED, BAD_REQUEST, INTERNAL) and,
 * for Bishop's own errors, the precise `bishopCode`. Clients branch on codes.
 * Unexpected errors are logged with a reference and never shown raw.
 */
export function formatErrors(execution: Execution, context: MercuriusContext) {
  const log = context.reply?.log ?? context.app.log;
  const expanded = execution.errors.flatMap((error) => expand(error));
  const errors = expanded.map((error) => toPublicError(error, log));
  // No data entry: the request failed before execution (parse, validation, variables, credentials).
  const executed = execution.data !== undefined;
  const modern = context.reply?.request.graphqlMediaType === GRAPHQL_RESPONSE_JSON;
  const refused =
    requestStatus(errors) ??
    refusalStatus(execution.errors) ??
    clientErrorStatus(expanded) ??
    (modern ? 400 : undefined);
  return {
    statusCode: executed ? 200 : (refused ?? execution.statusCode ?? 200),
    // application/graphql-response+json leaves `data` out of a request error, as the spec asks;
    // application/json keeps `data: null` for the clients written against it.
    response: executed || !modern ? { data: execution.data ?? null, errors } : { errors },
  };
}

/** Mercurius' refusals of the HTTP request (a mutation over GET: 405) carry their status; GraphQL errors (MER_ERR_GQL_*) follow the media type. */
function refusalStatus(errors: readonly GraphQLError[]): number | undefined {
  const original =
    errors.length === 1 ? (errors[0]?.originalError as { code?: unknown; statusCode?: unknown }) : undefined;
  const { code, statusCode } = original ?? {};
  const httpRefusal = typeof code === 'string' && code.startsWith('MER_ERR_') && !code.startsWith('MER_ERR_GQL');
  return httpRefusal && typeof statusCode === 'number' && statusCode < 500 ? statusCode : undefined;
}

/**
 * A request refused before anything ran (a bad or expired token, too many
 * log-in attempts) also says so in its HTTP status, as GraphQL over HTTP allows.
 */
function requestStatus(errors: readonly { path?: unknown; extensions: { code: string } }[]): number | undefined {
  const [only] = errors;
  if (errors.length !== 1 || only?.path) return undefined;
  return ({ UNAUTHENTICATED: 401, RATE_LIMITED: 429 } as Record<string, number>)[only?.extensions.code ?? ''];
}

/**
 * Fastify's own refusals of the request (a body over the size limit, a body that is
 * not JSON) are the client's mistake: BAD_REQUEST with their message, never INTERNAL.
 */
function fastifyClientError(error: unknown): { statusCode: number } | undefined {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_ERR_') && typeof statusCode === 'number' && statusCode < 500
    ? { statusCode }
    : undefined;
}

/** The HTTP status of a request Fastify refused (413 for a body too large…). */
function clientErrorStatus(errors: readonly GraphQLError[]): number | undefined {
  return errors.length === 1 ? fastifyClientError(errors[0]?.originalError)?.statusCode : undefined;
}

/** Mercurius wraps validation failures as one error holding many. */
function expand(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(inner)
    ? inner.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(String(e?.message ?? e))))
    : [error];
}

/**
 * The error behind the GraphQL wrappers: graphql-js wraps a scalar's refusal of a variable
 * twice (the variable, then the type), so a DomainError may sit two levels down.
 * A GraphQLError at the bottom is graphql-js refusing the request itself.
 */
function rootCause(error: GraphQLError): Error | undefined {
  let cause: Error | undefined = error.originalError;
  while (cause instanceof GraphQLError) {
    if (cause.originalError === undefined) return undefined;
    cause = cause.originalError;
  }
  return cause;
}

function toPublicError(error: GraphQLError, log: { error: (obj: object, msg: string) => void }) {
  const original = rootCause(error);
  const base = { message: error.message, locations: error.locations, path: error.path };
  if (isDomainError(original)) {
    return { ...base, extensions: { code: original.category, bishopCode: original.code, details: original.details } };
  }
  const code = (original as { code?: unknown } | undefined)?.code;
  if (!original || (typeof code === 'string' && code.startsWith('MER_ERR_GQL')) || fastifyClientError(original)) {
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  const reference = randomUUID();
  log.error({ err: original, reference, path: error.path }, 'unexpected error in a resolver');
  return {
    ...base,
    message: `Something went wrong on our side (reference ${reference})`,
    extensions: { code: 'INTERNAL', reference },
  };
}
