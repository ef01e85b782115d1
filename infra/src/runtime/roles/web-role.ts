import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp, type ReadinessCheck } from '@bishop/gateways';
import httpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { bishopVersion } from '../version.ts';

export interface WebRoleOptions {
  /** The built web app (SvelteKit adapter-static output). */
  readonly webDir: string;
  /** Where /graphql (HTTP and WebSocket) and /api go; without it the pages call the API on their own origin. */
  readonly gatewayUrl?: string | undefined;
  /** Behind another proxy: take the client address from its X-Forwarded-For. */
  readonly trustProxy?: boolean;
  readonly logger?: Logger;
}

export class WebBuildMissingError extends Error {
  override readonly name = 'WebConfigError';
}

/** The page served for any path that is no file: the client-side router takes it from there. */
const fallbackPages = ['200.html', 'index.html'] as const;

/**
 * `bishop run web`: the built UI as static files with an SPA fallback, and —
 * with BISHOP_GATEWAY_URL — /graphql and /api forwarded to the gateways, so the
 * browser talks to one origin (no CORS, one TLS certificate, one public port).
 */
export async function buildWebApp(options: WebRoleOptions): Promise<FastifyInstance> {
  const fallback = await findFallbackPage(options.webDir);
  const checks: ReadinessCheck[] = [{ name: 'webBuild', check: () => access(join(options.webDir, fallback)) }];
  const { gatewayUrl } = options;
  if (gatewayUrl) checks.push({ name: 'gateway', check: () => gatewayReady(gatewayUrl) });
  const app = await buildApp({
    readinessChecks: checks,
    version: bishopVersion,
    trustProxy: options.trustProxy ?? false,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  if (gatewayUrl) await forwardApi(app, gatewayUrl);
  await app.register(fastifyStatic, {
    root: options.webDir,
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      // SvelteKit fingerprints everything under _app/immutable; pages themselves must always be fresh.
      reply.header(
        'cache-control',
        path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile(fallback);
    }
    return reply.code(404).send({ error: 'Not Found', message: `${request.method} ${request.url} is not here` });
  });
  return app;
}

async function findFallbackPage(webDir: string): Promise<string> {
  for (const page of fallbackPages) {
    try {
      await access(join(webDir, page));
      return page;
    } catch {}
  }
  throw new WebBuildMissingError(
    `Bishop cannot serve the web app: ${webDir} has no ${fallbackPages.join(' or ')}. ` +
      'Build it (npm run build -w web) or point BISHOP_WEB_DIR at a built copy.',
  );
}

const apiPrefixes = ['/graphql', '/api/'];
const isApiPath = (url: string) => apiPrefixes.some((prefix) => url === prefix || url.startsWith(prefix));

/** The client as this process saw it; a client's own X-Forwarded-For is never passed on (it could fake its address). */
const forwardedFor = (request: FastifyRequest) => ({ 'x-forwarded-for': request.ip });

async function forwardApi(app: FastifyInstance, gatewayUrl: string): Promise<void> {
  const upstream = gatewayUrl.replace(/\/$/, '');
  // @fastify/http-proxy calls this for the upstream WebSocket (its typings omit it).
  const wsClientOptions = {
    handshakeTimeout: 5000,
    rewriteRequestHeaders: (headers: Record<string, string>, request: FastifyRequest) => ({
      ...headers,
      ...forwardedFor(request),
    }),
  };
  await app.register(httpProxy, {
    upstream,
    prefix: '/graphql',
    rewritePrefix: '/graphql',
    websocket: true,
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => ({ ...headers, ...forwardedFor(request as FastifyRequest) }),
    },
    wsClientOptions,
  });
  await app.register(httpProxy, {
    upstream,
    prefix: '/api',
    rewritePrefix: '/api',
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => ({ ...headers, ...forwardedFor(request as FastifyRequest) }),
    },
  });
}

async function gatewayReady(gatewayUrl: string): Promise<string> {
  const response = await fetch(new URL('/readyz', gatewayUrl), { signal: AbortSignal.timeout(1500) });
  if (!response.ok) throw new Error(`the gateway at ${gatewayUrl} answers ${response.status} on /readyz`);
  return `gateway ready at ${gatewayUrl}`;
}
