import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildSchema } from 'graphql';
import mercurius from 'mercurius';
import { actorFromConnectionInit } from '../auth/index.ts';
import { readAccessRules } from './access-rules.ts';
import { formatErrors } from './error-formatter.ts';
import { guardResolvers } from './guard-resolvers.ts';
import { assertQueryComplexity } from './query-complexity.ts';
import type { RequestContext } from './request-context.ts';
import { createLoaders, createResolvers } from './resolvers/index.ts';
import { loadSchemaSource } from './schema-source.ts';
import type { GraphQLServices } from './services.ts';

export interface GraphQLOptions {
  readonly services: GraphQLServices;
  /** Deepest selection allowed (default 10). */
  readonly maxDepth?: number;
  /** Most expensive query allowed: one point per field, times the page size for pages (default 5,000). */
  readonly maxComplexity?: number;
}

/** Header carrying a mutation's position: the request runs once the read models reach it (see app.ts). */
export const CONSISTENCY_HEADER = 'bishop-consistent-with';

/** POST /graphql (queries, mutations) and GraphQL over WebSocket at /graphql (subscriptions, graphql-ws protocol). */
export async function graphqlPlugin(app: FastifyInstance, options: GraphQLOptions): Promise<void> {
  const { services } = options;
  const source = loadSchemaSource();
  // Fails at start when an ID argument lacks @owned/@unowned or a root field lacks a resolver.
  const rules = readAccessRules(buildSchema(source));
  const resolvers = guardResolvers(createResolvers(services), rules, services.owns);

  await app.register(mercurius, {
    schema: source,
    resolvers: resolvers as never,
    loaders: createLoaders(services) as never,
    path: '/graphql',
    graphiql: false,
    queryDepth: options.maxDepth ?? 10,
    errorFormatter: formatErrors as never,
    context: (request: FastifyRequest): RequestContext => ({
      actor: request.actor,
      correlationId: request.id,
      clientIp: request.ip,
    }),
    subscription: {
      onConnect: async ({ payload }) => {
        const actor = await actorFromConnectionInit(services.auth, payload);
        return { actor, correlationId: randomUUID(), clientIp: '' };
      },
      keepAlive: 15_000,
    },
  });
  const maxComplexity = options.maxComplexity ?? 5000;
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
