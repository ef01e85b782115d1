import { DomainError } from '@bishop/domain';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { authPlugin, sessionCookiePlugin } from './auth/index.ts';
import type { CallEnginePort } from './calls/call-engine-port.ts';
import type { CallRegistry } from './calls/call-registry.ts';
import { callsPlugin } from './calls/calls.plugin.ts';
import { exportsPlugin } from './exports/exports.plugin.ts';
import { CONSISTENCY_HEADER, graphqlPlugin } from './graphql/graphql.plugin.ts';
import { waitForReadModels } from './graphql/resolvers/read-your-writes.ts';
import { parsePosition } from './graphql/resolvers/scalars.ts';
import type { GraphQLServices } from './graphql/services.ts';
import { healthPlugin } from './health/health.plugin.ts';
import type { ReadinessCheck } from './health/readiness.ts';
import { handleHttpError } from './http-errors.ts';
import { servesMediaOnly } from './http-security/media-origin.ts';
import { addSecurityHeaders } from './http-security/security-headers.ts';
import { closeSocketsGoingAway } from './live/going-away.ts';
import { mediaPlugin } from './media/media.plugin.ts';
import { mediaFileNames } from './media/media-file-names.ts';
import { type MetricsSources, metricsPlugin } from './metrics/metrics.plugin.ts';
import { type UploadLimits, uploadsPlugin } from './uploads/uploads.plugin.ts';

/** How long a socket's client has to answer the close at shutdown before it is cut. */
const SOCKET_CLOSE_GRACE_MS = 1_000;

export interface GatewayOptions {
  readonly readinessChecks: readonly ReadinessCheck[];
  readonly version: string;
  /** A pino logger: request logs carry the request's correlation id (`reqId`). */
  readonly logger?: FastifyBaseLogger;
  /** The API (GraphQL, uploads, media); without it only health answers. */
  readonly api?: {
    readonly services: GraphQLServices;
    readonly uploadLimits: UploadLimits;
    readonly bytesStoredBy: (userId: string) => Promise<number>;
    readonly metrics?: MetricsSources;
    /** Answer GraphQL introspection (`__schema`, `__type`); default true. */
    readonly introspection?: boolean;
    /** Live voice calls (GET /api/chats/:chatId/call); absent: the route is not served. */
    readonly calls?: { readonly engine: CallEnginePort; readonly registry: CallRegistry };
  };
  /** Behind a reverse proxy: trust its X-Forwarded-For for client addresses (login throttling). */
  readonly trustProxy?: boolean;
  /** BISHOP_MEDIA_ORIGIN: requests arriving on its host get media only (see servesMediaOnly). */
  readonly mediaOrigin?: string | undefined;
}

/** Builds the HTTP gateway; listening is the caller's business (tests use inject). */
export async function buildApp(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: options.trustProxy ?? false,
    // Large files go through multipart streaming; JSON bodies (GraphQL) stay small.
    bodyLimit: 1024 * 1024,
    // A caller's correlation id is kept (and copied into every command's events) when it is a
    // plain token; anything else (control characters, huge values) is replaced, never stored.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-correlation-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
  });
  addSecurityHeaders(app);
  if (options.mediaOrigin) servesMediaOnly(app, options.mediaOrigin);
  app.setErrorHandler(handleHttpError);
  await app.register(healthPlugin, { checks: options.readinessChecks, version: options.version });
  const { api } = options;
  if (!api) return app;
  const { services } = api;
  const { calls } = api;
  await app.register(metricsPlugin, {
    ...api.metrics,
    subscriptionCount: () => services.live.changes.subscriberCount + services.live.replyTokens.subscriberCount,
    ...(calls ? { calls: () => ({ active: calls.registry.active, max: calls.registry.maxConcurrent }) } : {}),
  });
  // Before the WebSocket server closes its sockets: each call says goodbye and records its end (history kept),
  // then every other socket (GraphQL subscriptions) is told 1001 at once, and cut if its client does not answer.
  app.addHook('preClose', async () => {
    await calls?.registry.endAll('SERVER_SHUTDOWN', 'Bishop is restarting; the call so far is kept in the chat');
    await closeSocketsGoingAway(app.websocketServer, 'Bishop is restarting; subscribe again', SOCKET_CLOSE_GRACE_MS);
  });
  // One WebSocket server for the whole app (GraphQL subscriptions and calls); Mercurius reuses it.
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  // Before authentication: a client may present an API token it was issued a moment ago.
  app.addHook('onRequest', async (request) => {
    const header = request.headers[CONSISTENCY_HEADER];
    if (typeof header === 'string' && header !== '') await waitForReadModels(services, consistencyPosition(header));
  });
  await app.register(authPlugin, { auth: services.auth });
  await app.register(sessionCookiePlugin, { auth: services.auth });
  await app.register(graphqlPlugin, { services, introspection: api.introspection ?? true });
  await app.register(uploadsPlugin, {
    blobs: services.blobs,
    commands: services.commands,
    owns: services.owns,
    avatarOfChat: services.avatarOfChat,
    bytesStoredBy: api.bytesStoredBy,
    limits: api.uploadLimits,
  });
  await app.register(mediaPlugin, {
    blobs: services.blobs,
    owns: services.owns,
    signer: services.signer,
    fileName: mediaFileNames(services.readModels),
  });
  if (calls) {
    await app.register(callsPlugin, {
      engine: calls.engine,
      registry: calls.registry,
      auth: services.auth,
      live: services.live,
      owns: services.owns,
      avatarOfChat: services.avatarOfChat,
    });
  }
  await app.register(exportsPlugin, { db: services.readModels, blobs: services.blobs, owns: services.owns });
  return app;
}

/** A bad `Bishop-Consistent-With` header is the client's mistake, said with a code (never a 500). */
function consistencyPosition(header: string): bigint {
  try {
    return parsePosition(header);
  } catch {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${CONSISTENCY_HEADER} must be a position (a decimal string)`, {
      field: CONSISTENCY_HEADER,
    });
  }
}
