import assert from 'node:assert/strict';
import { startAnchorServer } from './gateway-anchor.ts';
import { type LoadOptions, loadRound } from './gateway-load.ts';
import { openGatewayRig } from './gateway-rig.ts';
import { seedGateway } from './gateway-seed.ts';
import { alternate, type Benchmark, median } from './harness.ts';

/** GraphQL parses, validates, guards and shapes on top of the raw route: keep at least 70 % of its rate. */
const GOAL = 0.7;
const MATERIALS = 20;
const CONNECTIONS = 10;
const SIZES = {
  full: { length: { seconds: 3 }, warmups: 1, rounds: 6 },
  quick: { length: { requests: 100 }, warmups: 0, rounds: 3 },
};
const QUERY = 'query($id: ID!) { avatar(id: $id) { id name materials { id fileName kind state sizeBytes } } }';

export const graphqlThroughputBenchmark: Benchmark = {
  name: 'GraphQL query throughput: POST /graphql vs a raw Fastify route over the same read-model queries',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const rig = await openGatewayRig(context.serverUrl);
    const anchorServer = await startAnchorServer(rig.auth, rig.readStore.models);
    try {
      const seed = await seedGateway(rig.url, MATERIALS);
      const headers = { authorization: `Bearer ${seed.token}` };
      const graphql = {
        url: `${rig.url}/graphql`,
        method: 'POST' as const,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { id: seed.avatarId } }),
      };
      const raw = { url: `${anchorServer.url}/avatars/${seed.avatarId}`, method: 'GET' as const, headers };

      // Both must serve the same avatar and all its materials before either is timed.
      const oursBody = await (await fetch(graphql.url, graphql)).text();
      const anchorBody = await (await fetch(raw.url, raw)).text();
      const avatar = JSON.parse(oursBody).data?.avatar;
      assert.deepEqual(avatar, JSON.parse(anchorBody), 'the GraphQL answer and the raw route differ');
      assert.equal(avatar.materials.length, MATERIALS);

      const round = { connections: CONNECTIONS, length: sizes.length };
      const roundLength = 'seconds' in sizes.length ? `${sizes.length.seconds} s` : `${sizes.length.requests} requests`;
      context.log(`${sizes.rounds} rounds of ${roundLength} per side, ${CONNECTIONS} connections`);
      const samples = await alternate({
        warmups: sizes.warmups,
        rounds: sizes.rounds,
        anchor: () => loadRound({ ...raw, ...round, expectBody: anchorBody } satisfies LoadOptions),
        ours: () => loadRound({ ...graphql, ...round, expectBody: oursBody } satisfies LoadOptions),
      });
      const anchor = median(samples.anchor);
      const ours = median(samples.ours);
      return [
        {
          benchmark: 'GraphQL avatar + 20 materials query vs raw Fastify route',
          unit: 'req/s',
          anchor,
          ours,
          anchorSamples: samples.anchor,
          oursSamples: samples.ours,
          target: { text: `≥ ${GOAL}× the raw route (${(ours / anchor).toFixed(2)}×)`, met: ours / anchor >= GOAL },
          note:
            `anchor (not Emmett here): a bare Fastify GET route on a second instance in the same process that ` +
            `authenticates the same bearer token with the gateway's AuthService and runs the same Kysely queries ` +
            `(findAvatarById + listMaterials, PostgreSQL read store) into the same JSON fields; ours: the full gateway ` +
            `(buildApp: metrics, auth, Mercurius, ownership guard, complexity check) answering POST /graphql ` +
            `\`${QUERY}\` with variables; one user, one avatar, ${MATERIALS} uploaded materials; autocannon in a ` +
            `worker thread, ${CONNECTIONS} connections, ${roundLength} per round, every response checked byte ` +
            `for byte`,
        },
      ];
    } finally {
      await anchorServer.close();
      await rig.close();
    }
  },
};
