import Fastify, { type FastifyInstance } from 'fastify';
import { healthPlugin } from './health/health.plugin.ts';
import type { ReadinessCheck } from './health/readiness.ts';

export interface GatewayOptions {
  readonly readinessChecks: readonly ReadinessCheck[];
  readonly version: string;
  readonly logger?: boolean | { level: string };
}

/** Builds the HTTP gateway; listening is the caller's business (tests use inject). */
export async function buildApp(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(healthPlugin, { checks: options.readinessChecks, version: options.version });
  return app;
}
