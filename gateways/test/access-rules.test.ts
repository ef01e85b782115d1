import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema } from 'graphql';
import { readAccessRules } from '../src/graphql/access-rules.ts';
import { loadSchemaSource } from '../src/graphql/schema-source.ts';

const directives = `
  directive @owned(kind: OwnedKind!) on ARGUMENT_DEFINITION
  directive @unowned(reason: String!) on ARGUMENT_DEFINITION
  directive @public on FIELD_DEFINITION
  enum OwnedKind { AVATAR CHAT API_TOKEN }
`;

describe('access rules read from the schema', () => {
  it('accept the real schema and mark the public operations', () => {
    const rules = readAccessRules(buildSchema(loadSchemaSource()));
    const publicFields = [...rules]
      .filter(([, rule]) => rule.public)
      .map(([name]) => name)
      .sort();
    assert.deepEqual(publicFields, [
      'Mutation.guessInvitedBlindTest',
      'Mutation.logIn',
      'Mutation.logOut',
      'Mutation.ping',
      'Mutation.refreshSession',
      'Mutation.requestPasswordReset',
      'Mutation.resetPassword',
      'Mutation.signUp',
      'Query.invitedBlindTest',
      'Query.status',
    ]);
    assert.deepEqual(rules.get('Query.avatar')?.owned, [{ argument: 'id', kind: 'AVATAR', list: false }]);
    assert.deepEqual(rules.get('Subscription.replyTokens')?.owned, [{ argument: 'chatId', kind: 'CHAT', list: false }]);
  });

  it('refuse a schema with an ID argument that says nothing about ownership', () => {
    const schema = buildSchema(`${directives}
      type Query { thing(id: ID!): String, fine(id: ID! @unowned(reason: "test")): String }`);
    assert.throws(() => readAccessRules(schema), /Query\.thing\(id\)/);
  });

  it('read list arguments and nested fields with owned arguments', () => {
    const schema = buildSchema(`${directives}
      type Query { many(ids: [ID!]! @owned(kind: CHAT)): [Thing!]! }
      type Thing { sub(avatarId: ID @owned(kind: AVATAR)): String }`);
    const rules = readAccessRules(schema);
    assert.deepEqual(rules.get('Query.many')?.owned, [{ argument: 'ids', kind: 'CHAT', list: true }]);
    assert.deepEqual(rules.get('Thing.sub'), {
      public: false,
      owned: [{ argument: 'avatarId', kind: 'AVATAR', list: false }],
    });
  });
});
