import { access } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { pagePolicies } from './web-app-csp.ts';

/** The page served for any path that is no file: the client-side router takes it from there. */
const fallbackPages = ['200.html', 'index.html'] as const;

const apiPrefixes = ['/graphql', '/api/'];
const isApiPath = (url: string) => apiPrefixes.some((prefix) => url === prefix || url.startsWith(prefix));

export class WebBuildMissingError extends Error {
  override readonly name = 'WebConfigError';
}

/** The SPA fallback page of a built web app, or a clear error saying how to build one. */
export async function findFallbackPage(webDir: string): Promise<string> {
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

export interface WebUiOptions {
  /** BISHOP_MEDIA_ORIGIN, allowed as a media source in the pages' policy. */
  readonly mediaOrigin?: string | undefined;
}

/**
 * Serves the built web app (SvelteKit adapter-static output) from `app`: files as they
 * are, and the fallback page for any other GET, so deep links work. Routes registered on
 * `app` (GraphQL, uploads, media, health, metrics) keep precedence; unknown API paths
 * still answer 404 in JSON instead of a page. Every page carries its strict CSP (see
 * web-app-csp.ts); the gateway's own hook adds nosniff and X-Frame-Options.
 */
export async function serveWebUi(app: FastifyInstance, webDir: string, options: WebUiOptions = {}): Promise<void> {
  const fallback = await findFallbackPage(webDir);
  const policies = await pagePolicies(webDir, options.mediaOrigin);
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      // SvelteKit fingerprints everything under _app/immutable; pages themselves must always be fresh.
      reply.header(
        'cache-control',
        path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      const policy = policies.get(path);
      // Same-origin referrers only: the session routes' Origin check needs the page's origin on POSTs.
      if (policy) reply.header('content-security-policy', policy).header('referrer-policy', 'same-origin');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile(fallback);
    }
    return reply.code(404).send({ error: 'Not Found', message: `${request.method} ${request.url} is not here` });
  });
}
