import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  listAvatars,
  listMessages,
  listTimeline,
  migrateReadModels,
  type Page,
  type ReadModels,
} from '@bishop/projections';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/*
 * The lists a user pages through must cost the same on page 1 and page 1,000
 * and with 10³ or 10⁵ rows: keyset pagination (WHERE position < cursor ORDER
 * BY position LIMIT n) answered by walking an index, never a scan of the table
 * or a sort of all of a user's rows. Checked on PostgreSQL's own plan for the
 * exact SQL each query function sends, over enough rows (and ANALYZEd
 * statistics) that the planner would pick a scan if the index did not fit.
 */

const USERS = 8;
const PER_USER = 5_000;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

describe('read-model lists are keyset pages on an index (EXPLAIN)', () => {
  const schema = uniqueSchema('explain');
  let captured: CompiledQuery[] = [];
  const db = new Kysely<ReadModels>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testDatabaseUrl, max: 2 }) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const models = db.withSchema(schema);
  const owner = randomUUID();
  const avatar = randomUUID();
  const chat = randomUUID();

  before(async () => {
    await migrateReadModels(db, schema);
    // Every user gets PER_USER avatars, messages in one chat and timeline entries of one avatar;
    // the user under test owns a known avatar and chat among them.
    await sql`
      WITH users AS (
        SELECT u, CASE WHEN u = 1 THEN ${owner}::uuid ELSE gen_random_uuid() END AS owner_id,
               CASE WHEN u = 1 THEN ${avatar}::uuid ELSE gen_random_uuid() END AS avatar_id,
               CASE WHEN u = 1 THEN ${chat}::uuid ELSE gen_random_uuid() END AS chat_id
          FROM generate_series(1, ${USERS}) AS u
      ), rows AS (SELECT users.*, n, (n * ${USERS} + u)::bigint AS position FROM users, generate_series(1, ${PER_USER}) AS n),
      a AS (
        INSERT INTO ${sql.id(schema, 'avatars')} (avatar_id, owner_id, name, status, languages, material_count,
          chat_count, created_position, created_at, updated_at, last_position)
        SELECT CASE WHEN n = 1 THEN avatar_id ELSE gen_random_uuid() END, owner_id, 'A ' || n, 'active', '{en}', 0, 0,
               position, now(), now(), position FROM rows
      ), m AS (
        INSERT INTO ${sql.id(schema, 'messages')} (message_id, chat_id, avatar_id, owner_id, text, sent_position, sent_at,
          reply_state, dub_state, updated_at, last_position)
        SELECT gen_random_uuid(), chat_id, avatar_id, owner_id, 'Message ' || n, position, now(), 'replied', 'none', now(), position
          FROM rows
      )
      INSERT INTO ${sql.id(schema, 'avatar_timeline')} (position, avatar_id, chat_id, owner_id, kind, event_type, actor_id,
        occurred_at, summary)
      SELECT position, avatar_id, CASE WHEN n % 2 = 0 THEN chat_id END, owner_id,
             CASE WHEN n % 2 = 0 THEN 'chat' ELSE 'training' END, 'Seeded', 'user:' || owner_id, now(), 'Entry ' || n
        FROM rows`.execute(db);
    for (const table of ['avatars', 'messages', 'avatar_timeline'])
      await sql`ANALYZE ${sql.id(schema, table)}`.execute(db);
  });

  after(async () => {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  });

  /** Runs the list twice (first page, then the page after its cursor) and returns the SQL it sent. */
  async function queriesOf<Item>(list: (after: string | null) => Promise<Page<Item>>): Promise<CompiledQuery[]> {
    captured = [];
    const first = await list(null);
    assert.equal(first.items.length, 20, 'a full first page');
    assert.ok(first.endCursor);
    const second = await list(first.endCursor);
    assert.equal(second.items.length, 20, 'a full second page');
    const queries = captured;
    captured = [];
    return queries;
  }

  /** PostgreSQL's plan nodes for each query, on `on` (a transaction that changed the schema, say). */
  async function explain(queries: readonly CompiledQuery[], on: Kysely<ReadModels> = db): Promise<PlanNode[][]> {
    const plans: PlanNode[][] = [];
    for (const query of queries) {
      const explained = await on.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]),
      );
      const plan = explained.rows[0]?.['QUERY PLAN'][0].Plan;
      assert.ok(plan);
      plans.push(nodesOf(plan));
    }
    return plans;
  }

  const plansOf = async <Item>(list: (after: string | null) => Promise<Page<Item>>) => explain(await queriesOf(list));

  function assertWalksIndex(plans: PlanNode[][], index: string): void {
    assert.ok(plans.length >= 2);
    for (const nodes of plans) {
      const types = nodes.map((node) => node['Node Type']);
      assert.ok(!types.includes('Seq Scan'), `no table scan: ${types.join(' → ')}`);
      assert.ok(
        !types.includes('Sort'),
        `no sort of the user's rows: ${JSON.stringify(nodes.map((n) => [n['Node Type'], n['Index Name']]))}`,
      );
      assert.ok(
        nodes.some((node) => node['Node Type'].startsWith('Index') && node['Index Name'] === index),
        `walks ${index}: ${types.join(' → ')}`,
      );
    }
  }

  it("a user's avatar list", async () => {
    assertWalksIndex(await plansOf((after) => listAvatars(models, owner, { first: 20, after })), 'avatars_by_owner');
  });

  it("a chat's newest page of messages, and the page before it", async () => {
    assertWalksIndex(
      await plansOf((after) => listMessages(models, owner, chat, { first: 20, after })),
      'messages_by_chat',
    );
  });

  it("an avatar's timeline", async () => {
    assertWalksIndex(
      await plansOf((after) => listTimeline(models, owner, avatar, { first: 20, after })),
      'avatar_timeline_by_avatar',
    );
  });

  it("an avatar's timeline filtered by one kind", async () => {
    assertWalksIndex(
      await plansOf((after) => listTimeline(models, owner, avatar, { first: 20, after, kinds: ['chat'] })),
      'avatar_timeline_by_avatar_kind',
    );
  });

  it('would fail were an index dropped: each list then scans or sorts', async () => {
    const lists: { index: string; list: (after: string | null) => Promise<Page<unknown>> }[] = [
      { index: 'avatars_by_owner', list: (after: string | null) => listAvatars(models, owner, { first: 20, after }) },
      {
        index: 'messages_by_chat',
        list: (after: string | null) => listMessages(models, owner, chat, { first: 20, after }),
      },
      {
        index: 'avatar_timeline_by_avatar',
        list: (after: string | null) => listTimeline(models, owner, avatar, { first: 20, after }),
      },
    ];
    for (const { index, list } of lists) {
      const queries = await queriesOf(list);
      const rolledBack = new Error('roll back');
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await sql`DROP INDEX ${sql.id(schema, index)}`.execute(trx);
          const plans = await explain(queries, trx);
          assert.throws(() => assertWalksIndex(plans, index), `without ${index} the check fails`);
          throw rolledBack;
        }),
        (error) => error === rolledBack,
      );
    }
  });
});
