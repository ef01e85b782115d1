import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFromEnvironment } from '../src/config/config.ts';
import { roleConfigProblems, roleNames } from '../src/config/role-requirements.ts';

const masterKey = Buffer.alloc(32, 7).toString('base64');
const server = { BISHOP_DATABASE_URL: 'postgres://db/bishop', BISHOP_MASTER_KEY: masterKey };

describe('bishop run <role> configuration', () => {
  it('needs a PostgreSQL server and a shared master key for every role that opens the stores', () => {
    for (const role of roleNames.filter((name) => name !== 'web')) {
      const problems = roleConfigProblems(configFromEnvironment({}), role);
      assert.equal(problems.length, 2, role);
      assert.match(problems[0] as string, /^BISHOP_DATABASE_URL is required: .*PGlite.*bishop start/);
      assert.match(problems[1] as string, /^BISHOP_MASTER_KEY is required: .*same key/);
      assert.deepEqual(roleConfigProblems(configFromEnvironment(server), role), []);
    }
  });

  it('accepts the embedded bus on the PostgreSQL server as well as NATS', () => {
    assert.deepEqual(roleConfigProblems(configFromEnvironment({ ...server, BISHOP_BUS: 'embedded' }), 'gateway'), []);
  });

  it('answers introspection unless BISHOP_GRAPHQL_INTROSPECTION=false', () => {
    assert.equal(configFromEnvironment({}).graphqlIntrospection, true);
    assert.equal(configFromEnvironment({ BISHOP_GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection, false);
  });

  it('lets the web role run with nothing but its build directory', () => {
    assert.deepEqual(roleConfigProblems(configFromEnvironment({}), 'web'), []);
  });

  it('validates the new variables with specific messages', () => {
    assert.throws(
      () =>
        configFromEnvironment({
          BISHOP_NATS_NAMESPACE: 'Two.Tokens',
          BISHOP_NATS_STREAM: 'has space',
          BISHOP_TRUST_PROXY: 'yes',
          BISHOP_GRAPHQL_INTROSPECTION: 'off',
          BISHOP_GATEWAY_URL: 'ftp://gateway',
        }),
      (error: Error) =>
        /BISHOP_NATS_NAMESPACE must be one subject token/.test(error.message) &&
        /BISHOP_NATS_STREAM must be a JetStream stream name/.test(error.message) &&
        /BISHOP_TRUST_PROXY must be true or false/.test(error.message) &&
        /BISHOP_GRAPHQL_INTROSPECTION must be true or false/.test(error.message) &&
        /BISHOP_GATEWAY_URL must be a URL starting with http:\/\/ or https:\/\//.test(error.message),
    );
  });
});
