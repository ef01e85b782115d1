import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { healthPlugin } from '../src/health/health.plugin.ts';
import { metricsPlugin } from '../src/metrics/metrics.plugin.ts';

// The operators' plugins, registered as the app registers them and asked over Fastify's inject.

describe('the metrics plugin', () => {
  it("times every route of the app, a sibling plugin's too, and serves its sources' figures", async () => {
    const app = Fastify();
    await app.register(metricsPlugin, {
      projectionLag: () => ({ positions: 7, seconds: 1.5 }),
      projectionStall: async () => ({ position: 42n, eventType: 'MessageSent' }),
      subscriptionCount: () => 3,
      calls: () => ({ active: 1, max: 4 }),
    });
    await app.register(async (sibling) => {
      sibling.get('/sibling', async () => 'ok');
    });
    try {
      assert.equal((await app.inject('/sibling')).statusCode, 200);
      const scraped = await app.inject('/metrics');
      assert.equal(scraped.statusCode, 200);
      assert.match(String(scraped.headers['content-type']), /^text\/plain/);
      for (const line of [
        'bishop_http_request_duration_seconds_count{method="GET",route="/sibling",status="2xx"} 1',
        'bishop_projection_lag_positions 7',
        'bishop_projection_lag_seconds 1.5',
        'bishop_projection_stalled{position="42",event_type="MessageSent"} 1',
        'bishop_graphql_subscriptions 3',
        'bishop_calls_active 1',
        'bishop_calls_max 4',
      ]) {
        assert.ok(scraped.body.split('\n').includes(line), `missing: ${line}`);
      }
      assert.doesNotMatch(scraped.body, /route="\/metrics"/, 'scrapes are not timed');
    } finally {
      await app.close();
    }
  });
});

describe('the health plugin', () => {
  it('answers alive without asking anything, and ready only when every essential part answers', async () => {
    const app = Fastify();
    let databaseUp = true;
    await app.register(healthPlugin, {
      version: '1.2.3',
      checks: [
        { name: 'database', check: async () => (databaseUp ? 'postgres' : Promise.reject(new Error('refused'))) },
        { name: 'model:tts', optional: true, check: () => Promise.reject(new Error('not installed')) },
      ],
    });
    try {
      const alive = await app.inject('/healthz');
      assert.deepEqual([alive.statusCode, alive.json()], [200, { status: 'ok', version: '1.2.3' }]);
      const ready = await app.inject('/readyz');
      assert.equal(ready.statusCode, 200, 'a missing optional model leaves Bishop ready');
      assert.equal(ready.json().checks['model:tts'].ok, false);
      databaseUp = false;
      const down = await app.inject('/readyz');
      assert.equal(down.statusCode, 503);
      assert.equal(down.json().status, 'unavailable');
      assert.match(down.json().checks.database.error, /refused/);
    } finally {
      await app.close();
    }
  });
});
