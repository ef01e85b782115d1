import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildSchema, NoSchemaIntrospectionCustomRule } from 'graphql';
import mercurius from 'mercurius';
import { keepRefreshToken, wantsCookieSession } from '../auth/session-cookie.ts';
import { readAccessRules } from './access-rules.ts';
import { formatErrors } from './error-formatter.ts';
import { graphqlOverHttp } from './graphql-over-http.ts';
import { guardResolvers } from './guard-resolvers.ts';
import { assertQueryComplexity, DEFAULT_MAX_COMPLEXITY } from './query-complexity.ts';
import { depthLimitRule } from './query-depth.ts';
import type { RequestContext } from './request-context.ts';
import { createLoaders, createResolvers } from './resolvers/index.ts';
import { loadSchemaSource } from './schema-source.ts';
import type { GraphQLServices } from './services.ts';
import { subscriptionSockets } from './subscription-sockets.ts';

export interface GraphQLOptions {
  readonly services: GraphQLServices;
  /** Deepest selection allowed (default 10). */
  readonly maxDepth?: number;
  /** Most expensive query allowed: one point per field, times the page size for pages (default 5,000). */
  readonly maxComplexity?: number;
  /** Answer introspection (`__schema`, `__type`; `__typename` always works). Default true. */
  readonly introspection?: boolean;
}

/** A standard introspection query (graphql-js, code generators, fuzzers) nests 15 levels. */
const INTROSPECTION_MAX_DEPTH = 20;

/** Header carrying a mutation's position: the request runs once the read models reach it (see app.ts). */
export const CONSISTENCY_HEADER = 'bishop-consistent-with';

/** POST /graphql (queries, mutations) and GraphQL over WebSocket at /graphql (subscriptions, graphql-ws protocol). */
export async function graphqlPlugin(app: FastifyInstance, options: GraphQLOptions): Promise<void> {
  const { services } = options;
  const source = loadSchemaSource();
  // Fails at start when an ID argument lacks @owned/@unowned or a root field lacks a resolver.
  const rules = readAccessRules(buildSchema(source));
  const resolvers = guardResolvers(createResolvers(services), rules, services.owns);
  const sockets = subscriptionSockets(services.auth, services.live);
  graphqlOverHttp(app, '/graphql');

  await app.register(mercurius, {
    schema: source,
    resolvers: resolvers as never,
    loaders: createLoaders(services) as never,
    path: '/graphql',
    graphiql: false,
    validationRules: [
      depthLimitRule({ data: options.maxDepth ?? 10, introspection: INTROSPECTION_MAX_DEPTH }),
      ...(options.introspection === false ? [NoSchemaIntrospectionCustomRule] : []),
    ],
    errorFormatter: formatErrors as never,
    context: (request: FastifyRequest, reply: FastifyReply): RequestContext => ({
      actor: request.actor,
      credential: request.credential,
      correlationId: request.id,
      clientIp: request.ip,
      refreshTokenCookie: wantsCookieSession(request) ? { keep: (session) => keepRefreshToken(reply, session) } : null,
    }),
    subscription: sockets.options as never,
  });
  sockets.install(app);
  const maxComplexity = options.maxComplexity ?? DEFAULT_MAX_COMPLEXITY;
  app.graphql.addHook('preExecution', async (schema, document, _context, variables) => {
    assertQueryComplexity(schema, document, variables, maxComplexity);
  });
  app.graphql.addHook('preSubscriptionExecution', async (schema, document, context) => {
    assertQueryComplexity(
      schema,
      document,
      (context as { variables?: Record<string, unknown> }).variables,
      maxComplexity,
    );
  });
}
