import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { depthLimitRule } from '../src/graphql/query-depth.ts';
import { loadSchemaSource } from '../src/graphql/schema-source.ts';

const schema = buildSchema(loadSchemaSource());
const rule = depthLimitRule({ data: 10, introspection: 20 });
const errorsOf = (query: string) => validate(schema, parse(query), [rule]).map((error) => error.message);

describe('query depth limit', () => {
  it('lets tools read the whole schema with the standard introspection query', () => {
    assert.deepEqual(errorsOf(getIntrospectionQuery()), []);
  });

  it('refuses data nested past 10 levels through the schema cycles, fragments included', () => {
    let selection = 'id';
    for (let depth = 0; depth < 5; depth++) selection = `chats(first: 1) { nodes { avatar { ${selection} } } }`;
    assert.match(errorsOf(`{ avatars(first: 1) { nodes { ${selection} } } }`)[0] ?? '', /nested too deep/);
    const viaFragment = `{ avatars(first: 1) { nodes { ...deep } } } fragment deep on Avatar { ${selection} }`;
    assert.match(errorsOf(viaFragment)[0] ?? '', /nested too deep/);
  });

  it('refuses an ofType chain deeper than the introspection limit', () => {
    const chain = `${'ofType { '.repeat(25)}name${' }'.repeat(25)}`;
    assert.match(errorsOf(`{ __type(name: "Query") { ${chain} } }`)[0] ?? '', /nested too deep/);
  });

  it('refuses a fragment cycle without looping', () => {
    const cyclic = '{ me { ...a } } fragment a on User { ...b } fragment b on User { ...a }';
    assert.ok(errorsOf(cyclic).some((message) => /nested too deep/.test(message)));
  });
});
