import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@bishop/domain';
import type { FieldAccess } from '../src/graphql/access-rules.ts';
import { guardResolvers } from '../src/graphql/guard-resolvers.ts';
import type { RequestContext } from '../src/graphql/request-context.ts';

const rules = new Map<string, FieldAccess>([
  ['Query.avatar', { public: false, owned: [{ argument: 'id', kind: 'AVATAR', list: false }] }],
  ['Query.status', { public: true, owned: [] }],
  ['Subscription.replyTokens', { public: false, owned: [{ argument: 'chatId', kind: 'CHAT', list: false }] }],
]);
const owner = { actor: { kind: 'user', userId: 'u1' }, correlationId: 'c', clientIp: '' } as RequestContext;
const stranger = { ...owner, actor: { kind: 'user', userId: 'u2' } } as RequestContext;
const anonymous = { ...owner, actor: null } as RequestContext;
const owns = async (_kind: string, id: string, userId: string) => {
  if (!(userId === 'u1' && id.startsWith('mine'))) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'not yours');
};
const resolvers = {
  Query: { avatar: () => 'avatar', status: () => 'ok' },
  Subscription: { replyTokens: { subscribe: () => 'iterator', resolve: (x: unknown) => x } },
};

describe('guarded resolvers', () => {
  const guarded = guardResolvers(resolvers, rules, owns) as unknown as {
    Query: Record<string, (...args: unknown[]) => Promise<unknown>>;
    Subscription: { replyTokens: { subscribe: (...args: unknown[]) => Promise<unknown> } };
  };

  it('run for the owner', async () => {
    assert.equal(await guarded.Query.avatar?.({}, { id: 'mine-1' }, owner, {}), 'avatar');
  });

  it("answer NOT_FOUND for someone else's id", async () => {
    await assert.rejects(guarded.Query.avatar?.({}, { id: 'mine-1' }, stranger, {}) as Promise<unknown>, {
      code: 'BISHOP_ERR_NOT_FOUND',
    });
  });

  it('refuse anonymous callers except on public fields', async () => {
    await assert.rejects(guarded.Query.avatar?.({}, { id: 'mine-1' }, anonymous, {}) as Promise<unknown>, {
      code: 'BISHOP_ERR_UNAUTHENTICATED',
    });
    assert.equal(await guarded.Query.status?.({}, {}, anonymous, {}), 'ok');
  });

  it('guard subscriptions at subscribe time', async () => {
    await assert.rejects(guarded.Subscription.replyTokens.subscribe({}, { chatId: 'theirs' }, owner, {}), {
      code: 'BISHOP_ERR_NOT_FOUND',
    });
    assert.equal(await guarded.Subscription.replyTokens.subscribe({}, { chatId: 'mine-chat' }, owner, {}), 'iterator');
  });

  it('refuse to start when a guarded root field has no resolver', () => {
    assert.throws(() => guardResolvers({ Query: {} }, rules, owns), /No resolver for Query\.avatar/);
  });
});
