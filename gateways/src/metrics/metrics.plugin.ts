import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsSources {
  /** Projection lag figures, read at scrape time. */
  readonly projectionLag?: () =>
    | Promise<{ readonly positions: number; readonly seconds: number }>
    | { positions: number; seconds: number };
  /** The event the projector is stalled on, or null while it follows the log. */
  readonly projectionStall?: () => Promise<{ readonly position: bigint; readonly eventType: string } | null>;
  /** Live GraphQL subscriptions in this process. */
  readonly subscriptionCount?: () => number;
  /** Live voice calls in this process, and how many it may carry. */
  readonly calls?: () => { readonly active: number; readonly max: number };
}

/**
 * /metrics in Prometheus text format: request latency histograms per route,
 * projection lag, live subscriptions, and Node's process metrics. Wrapped with
 * fastify-plugin: its latency hook must see the routes of every sibling plugin.
 */
export const metricsPlugin = fastifyPlugin(metrics, { name: 'bishop-metrics', fastify: '5.x' });

async function metrics(app: FastifyInstance, sources: MetricsSources): Promise<void> {
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
    name: 'bishop_projection_stalled',
    help: '1 while the projector keeps failing on one event (labelled with its position and type), else 0',
    labelNames: ['position', 'event_type'] as const,
    registers: [registry],
    async collect() {
      if (!sources.projectionStall) return;
      const stall = await sources.projectionStall();
      this.reset();
      if (stall) this.set({ position: stall.position.toString(), event_type: stall.eventType }, 1);
      else this.set(0);
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

  new Gauge({
    name: 'bishop_calls_active',
    help: 'Live voice calls this gateway process carries',
    registers: [registry],
    collect() {
      if (sources.calls) this.set(sources.calls().active);
    },
  });
  new Gauge({
    name: 'bishop_calls_max',
    help: 'Live voice calls this gateway process may carry at once (BISHOP_CALL_MAX_CONCURRENT)',
    registers: [registry],
    collect() {
      if (sources.calls) this.set(sources.calls().max);
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
