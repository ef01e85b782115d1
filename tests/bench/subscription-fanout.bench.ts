import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ReplyTokenSignal, replyTokenSubject } from '@bishop/domain';
import { WebSocketServer } from 'ws';
import { waitFor } from '../src/async.ts';
import { openGatewayRig } from './gateway-rig.ts';
import { seedGateway } from './gateway-seed.ts';
import { replyTokensOf, sharedClock, startSubscriberPool } from './gateway-subscribers.ts';
import { alternate, type Benchmark, type BenchRow, median, percentile, type Sample } from './harness.ts';

const SIZES = {
  full: { subscribers: 1000, tokens: 50, rounds: 5, burst: 20, burstRounds: 5 },
  quick: { subscribers: 50, tokens: 10, rounds: 3, burst: 5, burstRounds: 3 },
};
/** Connections opened at once, so 1,000 connection_inits do not arrive in one burst. */
const CONNECT_BATCH = 50;
/** 25 tokens/s: faster than a CPU-bound LLM writes, the pace the reply worker will publish at. */
const TOKEN_SPACING_MS = 40;
const P50_GOAL_MS = 50;
const P99_GOAL_MS = 100;
/** Our delivery rate in a burst, as a share of a raw `ws` broadcast's. */
const RATE_GOAL = 0.5;

export const subscriptionFanoutBenchmark: Benchmark = {
  name: 'subscription fan-out: reply tokens from the bus to many replyTokens(chatId) WebSocket subscribers',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const loadBefore = loadavg();
    const rig = await openGatewayRig(context.serverUrl);
    const pool = startSubscriberPool();
    const raw = await startRawBroadcaster();
    try {
      const seed = await seedGateway(rig.url, 0);
      context.log(`opening ${sizes.subscribers} subscribers in batches of ${CONNECT_BATCH}`);
      await pool.open({
        url: rig.url,
        token: seed.token,
        subscription: replyTokensOf(seed.chatId),
        count: sizes.subscribers,
        batch: CONNECT_BATCH,
      });
      // Acknowledged connections may still be registering their subscription on the server.
      await waitFor(() => rig.live.replyTokens.subscriberCount >= sizes.subscribers, 30_000);

      context.log(`and ${sizes.subscribers} raw ws connections as the anchor`);
      await pool.openRaw({ url: raw.url, count: sizes.subscribers, batch: CONNECT_BATCH });
      await waitFor(() => raw.connections >= sizes.subscribers, 30_000);
      const encoder = new TextEncoder();
      const sendOurs = (token: ReplyTokenSignal) =>
        rig.bus.signal(replyTokenSubject(seed.chatId), encoder.encode(JSON.stringify(token)));
      const sendRaw = (token: ReplyTokenSignal) => raw.broadcast(token);

      // Paced rounds, ours and the raw broadcast in ABBA order, so both latencies are taken under the same load.
      const latency = {
        ours: { p50: [] as number[], p99: [] as number[] },
        anchor: { p50: [] as number[], p99: [] as number[] },
      };
      const paces: number[] = [];
      const pacedRound = async (send: (token: ReplyTokenSignal) => void, into: { p50: number[]; p99: number[] }) => {
        const messageId = randomUUID();
        const started = performance.now();
        for (let index = 0; index < sizes.tokens; index++) {
          const done = index === sizes.tokens - 1;
          send({ chatId: seed.chatId, messageId, index, text: sharedClock().toFixed(3), done });
          await sleep(TOKEN_SPACING_MS);
        }
        // The publisher shares the gateway's event loop (as the reply worker does in `bishop start`), so a
        // gateway that cannot keep up slows the pace instead of queueing: the pace achieved says so.
        if (into === latency.ours) paces.push((sizes.tokens * 1000) / (performance.now() - started));
        const latencies = await pool.collect(sizes.tokens * sizes.subscribers);
        into.p50.push(percentile(latencies, 0.5));
        into.p99.push(percentile(latencies, 0.99));
      };
      for (let round = 0; round < sizes.rounds; round++) {
        const order = round % 2 === 0 ? (['anchor', 'ours'] as const) : (['ours', 'anchor'] as const);
        for (const side of order) await pacedRound(side === 'ours' ? sendOurs : sendRaw, latency[side]);
      }
      const burst = (send: (token: ReplyTokenSignal) => void) => async (): Promise<Sample> => {
        const messageId = randomUUID();
        const started = sharedClock();
        for (let index = 0; index < sizes.burst; index++) {
          send({ chatId: seed.chatId, messageId, index, text: sharedClock().toFixed(3), done: false });
          // One turn of the event loop between tokens, as a publisher reading from a model would leave.
          await new Promise((resolve) => setImmediate(resolve));
        }
        const { lastAt } = await pool.collectTimed(sizes.burst * sizes.subscribers);
        return { count: sizes.burst * sizes.subscribers, ms: lastAt - started };
      };
      const rates = await alternate({
        warmups: 1,
        rounds: sizes.burstRounds,
        anchor: burst(sendRaw),
        ours: burst(sendOurs),
      });
      const rateRow: BenchRow = {
        benchmark: `reply-token fan-out to ${sizes.subscribers} subscribers, burst delivery rate vs a raw ws broadcast`,
        unit: 'deliveries/s',
        anchor: median(rates.anchor),
        ours: median(rates.ours),
        anchorSamples: rates.anchor,
        oursSamples: rates.ours,
        target: {
          text: `≥ ${RATE_GOAL}× the raw broadcast (${(median(rates.ours) / median(rates.anchor)).toFixed(2)}×)`,
          met: median(rates.ours) / median(rates.anchor) >= RATE_GOAL,
        },
        note:
          `${sizes.burst} tokens sent back to back (one event-loop turn apart), timed from the first send to the last of the ` +
          `${sizes.burst * sizes.subscribers} deliveries, ABBA rounds; ours: bus.signal → the gateway's live feed → ` +
          `Mercurius/graphql-ws to ${sizes.subscribers} subscriptions (one per connection); ` +
          `anchor: a bare \`ws\` WebSocketServer in the same process that serialises the same graphql-ws \`next\` message ` +
          `once and sends it to ${sizes.subscribers} plain connections (no protocol, no auth, no per-subscriber work); ` +
          'both sets of clients in the same worker thread, parsing every message. ' +
          'What made the difference (0.37× before, at load average ≈ 3; 0.69–1.70× after, at 9–15; profiled with --cpu-prof): ' +
          'each subscriber used to run its own GraphQL ' +
          'execution of the document per token (graphql-js subscribe → execute), its own JSON.stringify and a chain of ' +
          'promises (fan-out queue → map → execute → Mercurius loop → send callback), about 30 µs of JavaScript per delivery ' +
          'besides the socket write; now replyTokens subscriptions are indexed by chat and a token is executed and ' +
          'serialised once per (user, document, variables) and the same bytes go to every socket of that shape in one ' +
          "synchronous loop (gateways/src/graphql/shared-subscriptions.ts), so a delivery costs about what the anchor's " +
          "does: one socket write (a writev system call, ≈ 90 % of the gateway's CPU in this row now)",
      };
      const how =
        `${sizes.subscribers} graphql-ws connections (one user, JWT in connection_init) each subscribed to ` +
        `replyTokens(chatId) of one chat, held in a worker thread; ${sizes.rounds} rounds of ${sizes.tokens} ` +
        `ReplyTokenSignals sent ${TOKEN_SPACING_MS} ms apart with bus.signal (in-process bus, as the reply worker ` +
        `will); latency = send time in the token's text → the subscriber's handler, over every token × subscriber; ` +
        `median of rounds; pace achieved ${median(paces).toFixed(1)} tokens/s of ${1000 / TOKEN_SPACING_MS} intended; ` +
        'anchor column: the raw broadcast (see the burst row) sending the same tokens to as many plain connections in ' +
        'the same paced rounds, alternating with ours (no bus hop, no protocol): the floor this machine allows now; ' +
        `load average (1/5/15 min) ${loadFigures(loadBefore)} before, ${loadFigures(loadavg())} after, on a shared ` +
        '2-core machine (each socket write is a system call: on a loaded machine they, and so the latencies, grow)';
      return [
        rateRow,
        goalRow(`reply-token fan-out to ${sizes.subscribers} subscribers, p50`, latency, 'p50', P50_GOAL_MS, how),
        goalRow(
          `reply-token fan-out to ${sizes.subscribers} subscribers, p99`,
          latency,
          'p99',
          P99_GOAL_MS,
          'same runs as p50',
        ),
      ];
    } finally {
      await pool.close();
      await raw.close();
      await rig.close();
    }
  },
};

const loadFigures = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(' ');

/** A latency row: ours against its goal, with the raw broadcast's latency in the same rounds beside it. */
function goalRow(
  benchmark: string,
  latency: Record<'ours' | 'anchor', Record<'p50' | 'p99', number[]>>,
  percentileName: 'p50' | 'p99',
  goalMs: number,
  note: string,
): BenchRow {
  const samples = latency.ours[percentileName];
  const value = median(samples);
  return {
    benchmark,
    unit: 'ms',
    anchor: median(latency.anchor[percentileName]),
    ours: value,
    anchorSamples: latency.anchor[percentileName],
    oursSamples: samples,
    target: { text: `< ${goalMs} ms`, met: value < goalMs },
    note,
  };
}

/** The anchor: the least a server can do to fan a token out, a bare `ws` server sending one prepared string to all. */
async function startRawBroadcaster() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    get connections() {
      return server.clients.size;
    },
    broadcast(token: ReplyTokenSignal): void {
      const { index, text, done } = token;
      const message = JSON.stringify({
        id: '1',
        type: 'next',
        payload: { data: { replyTokens: { index, text, done } } },
      });
      for (const socket of server.clients) socket.send(message);
    },
    async close(): Promise<void> {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
