import type { FastifyInstance } from 'fastify';
import { checkReadiness, type ReadinessCheck } from './readiness.ts';

export interface HealthOptions {
  readonly checks: readonly ReadinessCheck[];
  readonly version: string;
}

/**
 * /healthz: the process is alive (no dependency is touched, so an orchestrator
 * never restarts us for a database hiccup). /readyz: every dependency answers;
 * 503 with the failing parts named otherwise, so the UI can say what is down.
 */
export async function healthPlugin(app: FastifyInstance, options: HealthOptions): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok', version: options.version }));
  app.get('/readyz', async (_request, reply) => {
    const report = await checkReadiness(options.checks);
    return reply.code(report.ready ? 200 : 503).send({ status: report.ready ? 'ready' : 'unavailable', ...report });
  });
}
