import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsSources {
  /** Projection lag figures, read at scrape time. */
  readonly projectionLag?: () =>
    | Promise<{ readonly positions: number; readonly seconds: number }>
    | { positions: number; seconds: number };
  /** Live GraphQL subscriptions in this process. */
  readonly subscriptionCount?: () => number;
}

/**
 * /metrics in Prometheus text format: request latency histograms per route,
 * projection lag, live subscriptions, and Node's process metrics.
 */
export async function metricsPlugin(app: FastifyInstance, sources: MetricsSources): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bishop_' });
  const latency = new Histogram({
    name: 'bishop_http_request_duration_seconds',
    help: 'HTTP request latency by route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'bishop_projection_lag_positions',
    help: 'How far (in $all positions) the read models trail the event store',
    registers: [registry],
    async collect() {
      if (sources.projectionLag) this.set((await sources.projectionLag()).positions);
    },
  });
  new Gauge({
    name: 'bishop_projection_lag_seconds',
    help: 'Age of the oldest event not yet in the read models (0 when current)',
    registers: [registry],
    async collect() {
      if (sources.projectionLag) this.set((await sources.projectionLag()).seconds);
    },
  });
  new Gauge({
    name: 'bishop_graphql_subscriptions',
    help: 'Live GraphQL subscriptions in this process',
    registers: [registry],
    collect() {
      if (sources.subscriptionCount) this.set(sources.subscriptionCount());
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    latency.observe(
      { method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
