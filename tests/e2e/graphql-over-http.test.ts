import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type AuditResult, serverAudits } from 'graphql-http';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

/**
 * SHOULD/MAY audits Bishop does not meet, each with its reason. Empty: every
 * audit passes. An entry here must say why the recommendation does not fit.
 */
const knownDeviations: Readonly<Record<string, string>> = {};

const reasonOf = (result: AuditResult) => (result.status === 'ok' ? '' : result.reason);

async function withBishop(env: Record<string, string>, run: (url: string) => Promise<void>) {
  const dataDir = await temporaryDirectory('graphql-http');
  const bishop: BishopProcess = await startBishopProcess({
    BISHOP_DATA_DIR: dataDir.path,
    ...testModelEnvironment(),
    ...env,
  });
  try {
    await run(bishop.url);
  } finally {
    await bishop.stop();
    await dataDir.remove();
  }
}

/** The GraphQL over HTTP audit suite of graphql-http (the reference implementation), against `bishop start`. */
describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  const results: { id: string; name: string; result: AuditResult }[] = [];
  before(async () => {
    await withBishop({}, async (url) => {
      for (const audit of serverAudits({ url: `${url}/graphql` })) {
        results.push({ id: audit.id, name: audit.name, result: await audit.fn() });
      }
    });
  });

  it('ran the whole suite', () => {
    assert.ok(results.length >= 60, `only ${results.length} audits ran`);
  });

  it('fails no MUST', () => {
    const failed = results.filter(({ result }) => result.status === 'error');
    assert.deepEqual(
      failed.map(({ id, name, result }) => `${id} ${name}: ${reasonOf(result)}`),
      [],
    );
  });

  it('meets every SHOULD and MAY, or lists why not', () => {
    const missed = results.filter(({ result }) => result.status !== 'ok');
    const unexplained = missed.filter(({ id }) => knownDeviations[id] === undefined);
    assert.deepEqual(
      unexplained.map(({ id, name, result }) => `${id} ${name}: ${reasonOf(result)}`),
      [],
    );
    // A listed deviation that now passes should leave the list.
    const fixed = Object.keys(knownDeviations).filter((id) => !missed.some((audit) => audit.id === id));
    assert.deepEqual(fixed, []);
  });
});

describe('BISHOP_GRAPHQL_INTROSPECTION=false', () => {
  it('refuses __schema and __type with BAD_REQUEST, and still answers __typename', async () => {
    await withBishop({ BISHOP_GRAPHQL_INTROSPECTION: 'false' }, async (url) => {
      const post = async (query: string) => {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query }),
        });
        return { status: response.status, body: (await response.json()) as any };
      };
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
        const { status, body } = await post(query);
        assert.equal(status, 400, query);
        assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(body));
        assert.match(body.errors?.[0]?.message ?? '', /introspection/i);
      }
      assert.deepEqual((await post('{ __typename }')).body, { data: { __typename: 'Query' } });
    });
  });
});
