import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type ReadModels, type ReadModelTable, SealedColumnsPlugin } from '@bishop/projections';
import { type Kysely, sql } from 'kysely';
import { openGatewayRig } from './gateway-rig.ts';
import { seedGateway } from './gateway-seed.ts';
import type { Benchmark, BenchRow } from './harness.ts';
import { percentile } from './harness.ts';
import { scaleLatencyRow } from './scale-growth.ts';

/*
 * GraphQL latency of the three lists a user pages through most, as their
 * rows grow: the avatar list, a chat's newest page of messages and an
 * avatar's timeline, with 10³, 10⁴ and 10⁵ rows of each for one user, on
 * PostgreSQL through the gateway as `bishop start` assembles it (sealed
 * columns on). Rows are written straight into the read-model tables in
 * multi-row INSERTs, their personal columns sealed by the read store's own
 * sealing plugin (what the projector's row writer does), each avatar under
 * its own data key. Every list is a keyset page on an index
 * (read-model-pagination.explain.test.ts), so the latency should stay flat.
 */

const SIZES = { full: [1_000, 10_000, 100_000], quick: [100, 1_000] };
const REQUESTS = { full: { warmups: 20, timed: 300 }, quick: { warmups: 2, timed: 20 } };
const INSERT_ROWS = 2_000;
// Seeded rows sort after everything the live projector wrote (positions of real events are small).
const FIRST_POSITION = 1_000_000_000_000n;

interface ListQuery {
  readonly name: string;
  readonly table: ReadModelTable;
  readonly query: string;
  readonly nodes: (data: Record<string, unknown>) => unknown[];
}

const PAGE = 50;

const LISTS: readonly ListQuery[] = [
  {
    name: 'the avatar list',
    table: 'avatars',
    query: `{ avatars(first: ${PAGE}) { nodes { id name status createdAt } pageInfo { endCursor hasNextPage } } }`,
    nodes: (data) => (data.avatars as { nodes: unknown[] }).nodes,
  },
  {
    name: "a chat's newest page of messages",
    table: 'messages',
    query: `query($chat: ID!) { chat(id: $chat) { messages(first: ${PAGE}, newestFirst: true) {
      nodes { id kind text sentAt } pageInfo { endCursor hasNextPage } } } }`,
    nodes: (data) => (data.chat as { messages: { nodes: unknown[] } }).messages.nodes,
  },
  {
    name: "an avatar's timeline",
    table: 'avatar_timeline',
    query: `query($avatar: ID!) { avatar(id: $avatar) { timeline(first: ${PAGE}) {
      nodes { position type kind summary occurredAt } pageInfo { endCursor hasNextPage } } } }`,
    nodes: (data) => (data.avatar as { timeline: { nodes: unknown[] } }).timeline.nodes,
  },
];

interface Owner {
  readonly ownerId: string;
  readonly avatarId: string;
  readonly chatId: string;
}

/** Rows `from` to `to - 1` of a list's table for the owner, as the projector would have written them. */
function rowsOf(table: ReadModelTable, owner: Owner, from: number, to: number): Record<string, unknown>[] {
  const now = new Date();
  return Array.from({ length: to - from }, (_, offset) => {
    const n = from + offset;
    const position = FIRST_POSITION + BigInt(n);
    if (table === 'avatars') {
      return {
        avatar_id: randomUUID(),
        owner_id: owner.ownerId,
        name: `Avatar ${n}`,
        status: 'active',
        description: `Seeded avatar number ${n}, one of many.`,
        languages: ['en'],
        material_count: 0,
        chat_count: 0,
        created_position: position,
        created_at: now,
        updated_at: now,
        last_position: position,
      };
    }
    if (table === 'messages') {
      return {
        message_id: randomUUID(),
        chat_id: owner.chatId,
        avatar_id: owner.avatarId,
        owner_id: owner.ownerId,
        text: `Message ${n}: could you bring the spare keys when you come by tonight?`,
        sent_position: position,
        sent_at: now,
        reply_state: 'pending',
        dub_state: 'none',
        updated_at: now,
        last_position: position,
      };
    }
    return {
      position,
      avatar_id: owner.avatarId,
      chat_id: n % 2 === 0 ? owner.chatId : null,
      owner_id: owner.ownerId,
      kind: n % 2 === 0 ? 'chat' : 'training',
      event_type: n % 2 === 0 ? 'MessageSent' : 'TrainingStarted',
      actor_id: `user:${owner.ownerId}`,
      occurred_at: now,
      summary: `Seeded entry ${n}`,
    };
  });
}

/** Tops the owner's rows of `table` up from `from` to `to`, sealed by the read store's sealing plugin. */
async function seedRows(
  store: { readonly models: Kysely<ReadModels>; readonly schema: string },
  table: ReadModelTable,
  owner: Owner,
  from: number,
  to: number,
) {
  const { models } = store;
  const sealing = models
    .getExecutor()
    .plugins.find((plugin): plugin is SealedColumnsPlugin => plugin instanceof SealedColumnsPlugin);
  for (let start = from; start < to; start += INSERT_ROWS) {
    const plain = rowsOf(table, owner, start, Math.min(to, start + INSERT_ROWS));
    const rows = sealing ? await Promise.all(plain.map((row) => sealing.sealRow(table, row))) : plain;
    await models
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows of any of the three tables, shaped above
      .values(rows as any)
      .execute();
  }
  await sql`ANALYZE ${sql.table(`${store.schema}.${table}`)}`.execute(models);
}

async function timeList(
  url: string,
  token: string,
  list: ListQuery,
  variables: Record<string, string>,
  count: number,
): Promise<number[]> {
  const body = JSON.stringify({ query: list.query, variables });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
    const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    latencies.push(performance.now() - started);
    assert.equal(result.errors, undefined, `${list.name}: ${JSON.stringify(result.errors)}`);
    assert.equal(list.nodes(result.data ?? {}).length, PAGE, `${list.name}: a full page`);
  }
  return latencies;
}

export const scaleListsBenchmark: Benchmark = {
  name: 'scale: GraphQL list latency as a user’s rows grow (PostgreSQL)',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const requests = context.quick ? REQUESTS.quick : REQUESTS.full;
    const rig = await openGatewayRig(context.serverUrl);
    try {
      const seed = await seedGateway(rig.url, 0);
      const models = rig.readStore.models;
      const avatar = await models
        .selectFrom('avatars')
        .select('owner_id')
        .where('avatar_id', '=', seed.avatarId)
        .executeTakeFirstOrThrow();
      const owner: Owner = { ownerId: avatar.owner_id, avatarId: seed.avatarId, chatId: seed.chatId };
      const variables = { avatar: seed.avatarId, chat: seed.chatId };
      const p99s = new Map<string, number[]>(LISTS.map((list) => [list.name, []]));
      const rows: BenchRow[] = [];
      let seeded = 0;
      for (const size of sizes) {
        const seeding = performance.now();
        for (const list of LISTS) await seedRows(rig.readStore, list.table, owner, seeded, size);
        seeded = size;
        const seedSeconds = (performance.now() - seeding) / 1000;
        context.log(`${size} avatars, messages and timeline entries seeded in ${seedSeconds.toFixed(0)} s; querying`);
        for (const list of LISTS) {
          await timeList(rig.url, seed.token, list, variables, requests.warmups);
          const latencies = await timeList(rig.url, seed.token, list, variables, requests.timed);
          const listP99s = p99s.get(list.name) ?? [];
          listP99s.push(percentile(latencies, 0.99));
          rows.push(
            scaleLatencyRow({
              benchmark: `scale: GraphQL ${list.name} with ${size.toLocaleString('en-US')} rows, p50 / p99`,
              latencies,
              sizes,
              p99s: listP99s,
              meets: (growth) => growth.exponent < 0.8,
              note:
                `one client, ${requests.timed} sequential POST /graphql of the first ${PAGE} (after ${requests.warmups} warm-ups), ` +
                `the user owning ${size} of them (seeded into the read model in multi-row INSERTs, personal columns sealed, ` +
                `${seedSeconds.toFixed(0)} s for this size's three tables); goal: sub-linear growth of p99`,
            }),
          );
        }
      }
      return rows;
    } finally {
      await rig.close();
    }
  },
};
