import { availableParallelism, loadavg } from 'node:os';
import { sleep } from '../src/async.ts';
import { distributedEnvironment, startRoles, stopRoles } from '../src/distributed-stack.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import type { RoleProcess } from '../src/role-process.ts';
import { createBenchDatabase } from './bench-databases.ts';
import { type GatewaySeed, seedGateway } from './gateway-seed.ts';
import { type SubscriptionSpec, sharedClock, startSubscriberPool } from './gateway-subscribers.ts';
import { type Benchmark, type BenchRow, median, percentile } from './harness.ts';
import { type MixResult, mixedLoadRound } from './load-mix.ts';
import { type CpuShares, formatCpuShares, startCpuMeter } from './process-cpu.ts';

/*
 * Bishop under load as an operator runs it: gateway, projector and relay as
 * separate `bishop run` processes on PostgreSQL (event store and read models)
 * and NATS JetStream (the bus that carries change notices between them).
 * Each round drives a mix of GraphQL reads and renames with autocannon while
 * 1,000 graphql-ws subscribers (a worker thread of this process) watch ten
 * avatars, one of which is renamed each second: every rename must reach every
 * subscriber of that avatar. (Each delivery re-reads the read model, so the
 * delivery rate, 100/s here, is load of its own; it is the same in every round.) Rounds alternate between one gateway serving everything and two
 * gateways sharing it (ABBA), with the same load generator, so the ratio is
 * the horizontal scaling of the gateway role on this machine.
 */

const SIZES = {
  full: { length: { seconds: 60 }, warmup: { seconds: 10 }, rounds: 2, subscribers: 1_000 },
  quick: { length: { seconds: 3 }, warmup: { seconds: 1 }, rounds: 1, subscribers: 100 },
};
/** Load-generator connections in both modes (split evenly over two gateways); enough to keep one saturated. */
const CONNECTIONS = 32;
/** Two renamed avatars per connection: two renames of one avatar seldom overlap (a conflict is retried anyway). */
const RENAMED_AVATARS = 2 * CONNECTIONS;
const MATERIALS = 20;
const MESSAGES = 20;
const PULSE_MS = 1_000;
/** Subscribers are spread over these; a pulse renames one of them, so each subscriber gets one every 10 s. */
const WATCHED_AVATARS = 10;
const CONNECT_BATCH = 50;
const SCALING_GOAL = 1.6;

interface LoadSeed extends GatewaySeed {
  readonly renamedAvatarIds: readonly string[];
  /** Renamed only by the pulse: its name is the time the rename was sent. */
  readonly watchedAvatarIds: readonly string[];
}

interface RoundFigures extends MixResult {
  /** Rename sent → delivered, for every pulse and every subscriber. */
  readonly deliveryMs: number[];
  /** Cores each process group used on average during the round. */
  readonly cpu: CpuShares;
  /** The machine's 1-minute load average when the round began. */
  readonly loadAverage: number;
}

const avatarChangedOf = (avatarId: string): SubscriptionSpec => ({
  query: 'subscription($a: ID!) { avatarChanged(avatarId: $a) { avatar { id name } } }',
  variables: { a: avatarId },
  sentAt: ['avatarChanged', 'avatar', 'name'],
});

export const loadBenchmark: Benchmark = {
  name: 'load: mixed GraphQL traffic and 1,000 subscriptions on bishop processes, one gateway vs two',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const database = await createBenchDatabase(context.serverUrl, 'load');
    const environment = await distributedEnvironment('bench_load', { bus: 'nats' });
    const roles: Record<string, RoleProcess> = {};
    try {
      const env = {
        BISHOP_DATABASE_URL: database.url,
        // One access token serves the whole run, which is longer than the default 15 minutes on a slow machine.
        BISHOP_ACCESS_TOKEN_TTL: '7200',
        // Request logs would cost the gateways more than some of the requests they log.
        BISHOP_LOG_LEVEL: 'warn',
      };
      await startRoles(environment, [{ name: 'gateway A', args: ['gateway'], env }], roles);
      await Promise.all(
        [
          { name: 'gateway B', args: ['gateway'], env },
          { name: 'projector', args: ['projector'], env },
          { name: 'relay', args: ['relay'], env },
        ].map((role) => startRoles(environment, [role], roles)),
      );
      const gatewayA = roles['gateway A'] as RoleProcess;
      const gatewayB = roles['gateway B'] as RoleProcess;
      const seed = await seedLoad(gatewayA.url);
      context.log(`seeded; ${sizes.rounds * 2} rounds of ${sizes.length.seconds} s, ABBA`);

      const pidOf = (name: string) => () => [roles[name]?.pid ?? 0];
      const cpu = {
        'gateway A': pidOf('gateway A'),
        'gateway B': pidOf('gateway B'),
        projector: pidOf('projector'),
        relay: pidOf('relay'),
        PostgreSQL: () => backendPids(database.url, database.name),
      };
      const round = (urls: readonly string[], length: { seconds: number }) =>
        measuredRound({ urls, seed, length, subscribers: sizes.subscribers, pulseUrl: gatewayA.url, cpu });
      const one = [gatewayA.url];
      const two = [gatewayA.url, gatewayB.url];
      await round(one, sizes.warmup);
      await round(two, sizes.warmup);
      const results = { one: [] as RoundFigures[], two: [] as RoundFigures[] };
      for (let i = 0; i < sizes.rounds; i++) {
        for (const mode of i % 2 === 0 ? (['one', 'two'] as const) : (['two', 'one'] as const)) {
          const figures = await round(mode === 'one' ? one : two, sizes.length);
          context.log(
            `${mode} gateway(s): ${rate(figures).toFixed(0)} req/s, p99 ${figures.p99} ms, load average ` +
              `${figures.loadAverage.toFixed(1)}, load generator busy ${(figures.generatorBusy * 100).toFixed(0)} %; ` +
              `cores used: ${formatCpuShares(figures.cpu)}`,
          );
          results[mode].push(figures);
        }
      }
      return loadRows(results, sizes);
    } finally {
      await stopRoles(roles);
      await environment.teardown();
      await database.drop();
    }
  },
};

async function seedLoad(url: string): Promise<LoadSeed> {
  const seed = await seedGateway(url, MATERIALS);
  const gql = graphqlOverHttp(url);
  const data = async <Data>(query: string, variables: Record<string, unknown>) => {
    const response = await gql<Data>(query, variables, { token: seed.token });
    if (response.errors || !response.data) throw new Error(`seeding failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  };
  const createAvatar = async (name: string) =>
    (
      await data<{ createAvatar: { avatarId: string } }>(
        'mutation($n: String!) { createAvatar(name: $n) { avatarId avatar { id } } }',
        { n: name },
      )
    ).createAvatar.avatarId;
  const renamedAvatarIds = [];
  for (let i = 0; i < RENAMED_AVATARS; i++) renamedAvatarIds.push(await createAvatar(`Load ${i}`));
  const watchedAvatarIds = [];
  for (let i = 0; i < WATCHED_AVATARS; i++) watchedAvatarIds.push(await createAvatar(`${sharedClock()}`));
  for (let i = 0; i < MESSAGES; i++) {
    await data('mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { message { id } } }', {
      c: seed.chatId,
      t: `Message ${i + 1}: shall we walk to the lake on Sunday?`,
    });
  }
  return { ...seed, renamedAvatarIds, watchedAvatarIds };
}

/** The server processes serving the bench database now (each gateway's, projector's and relay's pool). */
async function backendPids(databaseUrl: string, databaseName: string): Promise<number[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [databaseName],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

interface RoundOptions {
  readonly urls: readonly string[];
  readonly seed: LoadSeed;
  readonly length: { readonly seconds: number };
  readonly subscribers: number;
  readonly pulseUrl: string;
  readonly cpu: Parameters<typeof startCpuMeter>[0];
}

/** Subscriber i watches avatar i mod 10 on gateway i mod (gateways): how many of each pair. */
function subscriberSpread(subscribers: number, gateways: number): number[][] {
  const spread = Array.from({ length: gateways }, () => new Array<number>(WATCHED_AVATARS).fill(0));
  for (let i = 0; i < subscribers; i++) {
    const row = spread[i % gateways] as number[];
    row[i % WATCHED_AVATARS] = (row[i % WATCHED_AVATARS] ?? 0) + 1;
  }
  return spread;
}

/** Subscribers spread over the round's gateways, then the mix and the pulses together; every delivery counted. */
async function measuredRound(options: RoundOptions): Promise<RoundFigures> {
  const { seed } = options;
  const pool = startSubscriberPool();
  const rename = renamer(options.pulseUrl, seed);
  try {
    const spread = subscriberSpread(options.subscribers, options.urls.length);
    for (const [g, url] of options.urls.entries()) {
      for (const [w, avatarId] of seed.watchedAvatarIds.entries()) {
        const count = spread[g]?.[w] ?? 0;
        const subscription = avatarChangedOf(avatarId);
        if (count > 0) await pool.open({ url, token: seed.token, subscription, count, batch: CONNECT_BATCH });
      }
    }
    await primed(pool, () => Promise.all(seed.watchedAvatarIds.map(rename)));

    const loadAverage = loadavg()[0] ?? Number.NaN;
    const meter = await startCpuMeter(options.cpu);
    let pulsing = true;
    let expected = 0;
    const pulsed = (async () => {
      for (let pulse = 0; pulsing; pulse++) {
        const started = performance.now();
        const w = pulse % WATCHED_AVATARS;
        await rename(seed.watchedAvatarIds[w] ?? '');
        expected += spread.reduce((sum, row) => sum + (row[w] ?? 0), 0);
        await sleep(Math.max(0, PULSE_MS - (performance.now() - started)));
      }
    })();
    let mix: MixResult;
    try {
      mix = await mixedLoadRound({
        urls: options.urls,
        token: seed.token,
        avatarId: seed.avatarId,
        chatId: seed.chatId,
        renamedAvatarIds: seed.renamedAvatarIds,
        connections: CONNECTIONS,
        length: options.length,
      });
    } finally {
      pulsing = false;
      await pulsed;
    }
    const cpu = await meter.stop();
    const deliveryMs = await pool.collect(expected);
    return { ...mix, deliveryMs, cpu, loadAverage };
  } finally {
    await pool.close();
  }
}

/** Renames a watched avatar to the time it is sent; fails on anything but a clean answer. */
function renamer(url: string, seed: LoadSeed): (avatarId: string) => Promise<void> {
  const gql = graphqlOverHttp(url);
  return async (avatarId) => {
    const response = await gql(
      'mutation($id: ID!, $name: String!) { renameAvatar(id: $id, name: $name) { avatar { id } } }',
      { id: avatarId, name: `${sharedClock()}` },
      { token: seed.token },
    );
    if (response.errors || !response.data) throw new Error(`pulse failed: ${JSON.stringify(response.errors)}`);
  };
}

/** Renames until every subscriber has had one: then all of them are registered on their gateway. */
async function primed(pool: ReturnType<typeof startSubscriberPool>, renameAll: () => Promise<unknown>): Promise<void> {
  let reached = false;
  const everyone = pool.everyoneReached(120_000).finally(() => {
    reached = true;
  });
  while (!reached) {
    await renameAll();
    await Promise.race([everyone.catch(() => {}), sleep(500)]);
  }
  await everyone;
  // A priming rename still on its way must not count as one of the round's: let it land, then forget it.
  await sleep(1_000);
  await pool.everyoneReached(1_000);
}

const rate = (figures: RoundFigures) => (figures.requests * 1000) / figures.ms;

/** CPU milliseconds one request cost each part of the stack (cores used × 1000 / req/s), median of the rounds. */
function cpuPerRequest(rounds: readonly RoundFigures[]): Record<string, number> {
  const gateways = (r: RoundFigures) => (r.cpu['gateway A'] ?? 0) + (r.cpu['gateway B'] ?? 0);
  const parts: Record<string, (r: RoundFigures) => number> = {
    gateways,
    PostgreSQL: (r) => r.cpu.PostgreSQL ?? 0,
    projector: (r) => r.cpu.projector ?? 0,
    relay: (r) => r.cpu.relay ?? 0,
    'load generator + subscribers': (r) => r.cpu['bench process'] ?? 0,
  };
  return Object.fromEntries(
    Object.entries(parts).map(([name, cores]) => [name, median(rounds.map((r) => (cores(r) * 1000) / rate(r)))]),
  );
}

const formatMs = (costs: Record<string, number>) =>
  Object.entries(costs)
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');

function loadRows(results: { one: RoundFigures[]; two: RoundFigures[] }, sizes: (typeof SIZES)['full']): BenchRow[] {
  const rates = { one: results.one.map(rate), two: results.two.map(rate) };
  const ratios = rates.two.map((value, i) => value / (rates.one[i] ?? Number.NaN));
  const ratio = median(rates.two) / median(rates.one);
  const how =
    `\`bishop run\` processes (gateway ×1 or ×2, projector, relay) on PostgreSQL (event store + read models, one ` +
    `database of the bench server) and NATS JetStream (the bus); ${CONNECTIONS} autocannon connections in one worker ` +
    `thread, split evenly over the gateways, each cycling: avatar list (20 of ${RENAMED_AVATARS + 2}), an avatar ` +
    `with ${MATERIALS} materials, a chat's newest page of ${MESSAGES} messages, renameAvatar waiting for the read ` +
    `model (one event appended, projected, noticed over NATS); ${sizes.subscribers.toLocaleString('en-US')} graphql-ws avatarChanged ` +
    `subscribers (a worker thread, split over the gateways) to ${WATCHED_AVATARS} avatars, one of them renamed each ` +
    `second through gateway A (a delivery to 1 in ${WATCHED_AVATARS} subscribers a second, each re-reading the ` +
    `read model), every rename checked to reach every subscriber of its avatar; ${sizes.length.seconds} s rounds, ABBA, after a warm-up; ` +
    `any error, timeout, non-2xx, GraphQL error or lost delivery fails the run`;
  const modeRow = (mode: 'one' | 'two'): BenchRow => {
    const rounds = results[mode];
    const p99 = Math.round(median(rounds.map((r) => r.p99)));
    const deliveries = rounds.flatMap((r) => r.deliveryMs);
    return {
      benchmark: `load: ${mode === 'one' ? 'one gateway' : 'two gateways'}, mixed reads + renames + ${sizes.subscribers.toLocaleString('en-US')} subscriptions`,
      unit: 'req/s',
      anchor: Number.NaN,
      ours: median(rates[mode]),
      anchorSamples: [],
      oursSamples: rates[mode],
      target: {
        text: `0 errors (met: any error fails the run); p99 ${p99} ms; rename → every subscriber p99 ${percentile(deliveries, 0.99).toFixed(0)} ms`,
        met: true,
      },
      note:
        `${how}. Per round: req/s ${rates[mode].map((r) => r.toFixed(0)).join(', ')}; p50 ${rounds.map((r) => r.p50).join(', ')} ms; ` +
        `p99 ${rounds.map((r) => r.p99).join(', ')} ms; load average at its start ${rounds.map((r) => r.loadAverage.toFixed(1)).join(', ')}; ` +
        `${deliveries.length.toLocaleString('en-US')} deliveries in all; load generator thread busy ` +
        `${rounds.map((r) => `${(r.generatorBusy * 100).toFixed(0)} %`).join(', ')}; CPU ms per request: ` +
        `${formatMs(cpuPerRequest(rounds))}; cores used: ${rounds.map((r) => formatCpuShares(r.cpu)).join(' | ')}`,
    };
  };
  return [
    modeRow('one'),
    modeRow('two'),
    {
      benchmark: 'load: two gateways / one gateway, sustained req/s',
      unit: '×',
      anchor: Number.NaN,
      ours: ratio,
      anchorSamples: [],
      oursSamples: ratios,
      target: { text: `≥ ${SCALING_GOAL}× (${ratio.toFixed(2)}×)`, met: ratio >= SCALING_GOAL },
      note:
        `median req/s of the two-gateway rounds over the one-gateway rounds (per ABBA pair: ` +
        `${ratios.map((r) => r.toFixed(2)).join(', ')}); the same load generator and subscribers in both. ` +
        limitOf(results),
    },
  ];
}

/**
 * What kept two gateways from twice the work. Measured: whether the machine
 * was saturated (and by whom), the load generator's thread, PostgreSQL. Then a
 * bound from the CPU each request cost: one gateway process is one event loop
 * (≤ 1 core), while the whole stack shares the machine's cores, so two gateways
 * can do at most min(2, what the cores allow ÷ what one gateway allows) times as much.
 */
function limitOf(results: { one: RoundFigures[]; two: RoundFigures[] }): string {
  const two = results.two;
  const cores = availableParallelism();
  const share = (name: string) => median(two.map((r) => r.cpu[name] ?? Number.NaN));
  const generator = median(two.map((r) => r.generatorBusy));
  const costs = cpuPerRequest([...results.one, ...results.two]);
  const total = Object.values(costs).reduce((sum, ms) => sum + ms, 0);
  const gatewayMs = costs.gateways ?? Number.NaN;
  const oneGatewayBound = Math.min(1000 / gatewayMs, (cores * 1000) / total);
  const twoGatewayBound = Math.min(2000 / gatewayMs, (cores * 1000) / total);
  const limits = [
    share('machine') >= cores * 0.9
      ? `the machine: its ${cores} cores were saturated (others' processes ${share('others').toFixed(2)} cores), so a second gateway could only take CPU from the rest`
      : undefined,
    generator >= 0.9 ? `the load generator thread (busy ${(generator * 100).toFixed(0)} %)` : undefined,
    share('PostgreSQL') >= 0.9 ? 'PostgreSQL (near a whole core)' : undefined,
  ].filter(Boolean);
  return (
    `Measured limit in the two-gateway rounds: ${limits.length ? limits.join('; ') : 'no process at a whole core and the machine not saturated'}. ` +
    `Bound from CPU per request (${total.toFixed(2)} ms in all, a gateway ${gatewayMs.toFixed(2)} ms): on ${cores} idle cores ` +
    `one gateway ≤ ${oneGatewayBound.toFixed(0)} req/s, two ≤ ${twoGatewayBound.toFixed(0)} req/s, so ≤ ` +
    `${(twoGatewayBound / oneGatewayBound).toFixed(2)}× here; two gateways each at a whole core need ≈ ` +
    `${((2 * total) / gatewayMs).toFixed(1)} cores for the whole stack. Of the rest, PostgreSQL would fill a core ` +
    `at ${(1000 / (costs.PostgreSQL ?? Number.NaN)).toFixed(0)} req/s and the load generator (with the ` +
    `subscribers) at ${(1000 / (costs['load generator + subscribers'] ?? Number.NaN)).toFixed(0)} req/s: on 2 ` +
    `cores neither saturates first — the gateway's one event loop does, then the cores as a whole`
  );
}
