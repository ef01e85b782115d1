import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ReplyTokenSignal, replyTokenSubject } from '@bishop/domain';
import { waitFor } from '../src/async.ts';
import { openGatewayRig } from './gateway-rig.ts';
import { seedGateway } from './gateway-seed.ts';
import { sharedClock, startSubscriberPool } from './gateway-subscribers.ts';
import type { Benchmark, BenchRow } from './harness.ts';
import { median } from './harness.ts';

const SIZES = {
  full: { subscribers: 1000, tokens: 50, rounds: 5 },
  quick: { subscribers: 50, tokens: 10, rounds: 3 },
};
/** Connections opened at once, so 1,000 connection_inits do not arrive in one burst. */
const CONNECT_BATCH = 50;
/** 25 tokens/s: faster than a CPU-bound LLM writes, the pace the reply worker will publish at. */
const TOKEN_SPACING_MS = 40;
const P50_GOAL_MS = 50;
const P99_GOAL_MS = 100;

export const subscriptionFanoutBenchmark: Benchmark = {
  name: 'subscription fan-out: reply tokens from the bus to many replyTokens(chatId) WebSocket subscribers',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const rig = await openGatewayRig(context.serverUrl);
    const pool = startSubscriberPool();
    try {
      const seed = await seedGateway(rig.url, 0);
      context.log(`opening ${sizes.subscribers} subscribers in batches of ${CONNECT_BATCH}`);
      await pool.open({
        url: rig.url,
        token: seed.token,
        chatId: seed.chatId,
        count: sizes.subscribers,
        batch: CONNECT_BATCH,
      });
      // Acknowledged connections may still be registering their subscription on the server.
      await waitFor(() => rig.live.replyTokens.subscriberCount >= sizes.subscribers, 30_000);

      const p50: number[] = [];
      const p99: number[] = [];
      const paces: number[] = [];
      const encoder = new TextEncoder();
      for (let round = 0; round < sizes.rounds; round++) {
        const messageId = randomUUID();
        const started = performance.now();
        for (let index = 0; index < sizes.tokens; index++) {
          const token: ReplyTokenSignal = {
            chatId: seed.chatId,
            messageId,
            index,
            text: sharedClock().toFixed(3),
            done: index === sizes.tokens - 1,
          };
          rig.bus.signal(replyTokenSubject(seed.chatId), encoder.encode(JSON.stringify(token)));
          await sleep(TOKEN_SPACING_MS);
        }
        // The publisher shares the gateway's event loop (as the reply worker does in `bishop start`), so a
        // gateway that cannot keep up slows the pace instead of queueing: the pace achieved says so.
        paces.push((sizes.tokens * 1000) / (performance.now() - started));
        const latencies = await pool.collect(sizes.tokens * sizes.subscribers);
        p50.push(percentile(latencies, 0.5));
        p99.push(percentile(latencies, 0.99));
      }
      const how =
        `${sizes.subscribers} graphql-ws connections (one user, JWT in connection_init) each subscribed to ` +
        `replyTokens(chatId) of one chat, held in a worker thread; ${sizes.rounds} rounds of ${sizes.tokens} ` +
        `ReplyTokenSignals sent ${TOKEN_SPACING_MS} ms apart with bus.signal (in-process bus, as the reply worker ` +
        `will); latency = send time in the token's text → the subscriber's handler, over every token × subscriber; ` +
        `median of rounds; pace achieved ${median(paces).toFixed(1)} tokens/s of ${1000 / TOKEN_SPACING_MS} intended`;
      return [
        goalRow(`reply-token fan-out to ${sizes.subscribers} subscribers, p50`, p50, P50_GOAL_MS, how),
        goalRow(`reply-token fan-out to ${sizes.subscribers} subscribers, p99`, p99, P99_GOAL_MS, 'same runs as p50'),
      ];
    } finally {
      await pool.close();
      await rig.close();
    }
  },
};

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function goalRow(benchmark: string, samples: number[], goalMs: number, note: string): BenchRow {
  const value = median(samples);
  return {
    benchmark,
    unit: 'ms',
    anchor: Number.NaN,
    ours: value,
    anchorSamples: [],
    oursSamples: samples,
    target: { text: `< ${goalMs} ms`, met: value < goalMs },
    note,
  };
}
