import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp, type ReadinessCheck } from '@bishop/gateways';
import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { bishopVersion } from '../version.ts';
import { findFallbackPage, serveWebUi } from './web-ui.ts';

export { WebBuildMissingError } from './web-ui.ts';

export interface WebRoleOptions {
  /** The built web app (SvelteKit adapter-static output). */
  readonly webDir: string;
  /** Where /graphql (HTTP and WebSocket) and /api go; without it the pages call the API on their own origin. */
  readonly gatewayUrl?: string | undefined;
  /** BISHOP_MEDIA_ORIGIN: allowed in the pages' policy as a media source. */
  readonly mediaOrigin?: string | undefined;
  /** Behind another proxy: take the client address from its X-Forwarded-For. */
  readonly trustProxy?: boolean;
  readonly logger?: Logger;
}

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
    mediaOrigin: options.mediaOrigin,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  if (gatewayUrl) await forwardApi(app, gatewayUrl);
  await serveWebUi(app, options.webDir, { mediaOrigin: options.mediaOrigin });
  return app;
}

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
