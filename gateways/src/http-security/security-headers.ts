import type { FastifyInstance } from 'fastify';

/** The API's answers are data, never documents: nothing may load, run or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer of the gateway (API, health, media, the web app): no content
 * sniffing, no framing (X-Frame-Options for browsers without `frame-ancestors`), no
 * referrer leaving with signed URLs or ids. Routes that know better (the web app's pages,
 * user files) set their own policy first; these fill in only what is missing.
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_CSP);
  });
}
