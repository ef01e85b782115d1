import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ReplyTokenSignal, replyTokenSubject } from '@bishop/domain';
import type { Client } from 'graphql-ws';
import { type GatewayRig, openGatewayRig } from '../bench/gateway-rig.ts';
import { type GatewaySeed, seedGateway } from '../bench/gateway-seed.ts';
import { waitFor } from '../src/async.ts';
import { graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { testDatabaseUrl } from '../src/test-env.ts';

/**
 * Reply tokens are executed and serialised once per (token, subscription
 * shape) and the same bytes go to every socket of that shape: each client
 * must still get exactly what its own document asks for, in order, and
 * nothing of another user's chat.
 */
describe('reply tokens fanned out to many subscribers of a chat', () => {
  let rig: GatewayRig;
  let ann: GatewaySeed;
  let bob: GatewaySeed;
  const clients: Client[] = [];
  const encoder = new TextEncoder();
  const client = (token: string) => {
    const opened = graphqlOverWebSocket(rig.url, token);
    clients.push(opened);
    return opened;
  };
  const send = (token: ReplyTokenSignal) =>
    rig.bus.signal(replyTokenSubject(token.chatId), encoder.encode(JSON.stringify(token)));

  before(async () => {
    rig = await openGatewayRig(testDatabaseUrl);
    ann = await seedGateway(rig.url, 0);
    bob = await seedGateway(rig.url, 0);
  });
  after(async () => {
    await Promise.all(clients.map((opened) => opened.dispose()));
    await rig?.close();
  });

  it("answers each subscriber its own selection, in order, and never another user's chat", async () => {
    const plain = 'subscription($c: ID!) { replyTokens(chatId: $c) { index text done } }';
    const aliased =
      'subscription Piece($c: ID!) { piece: replyTokens(chatId: $c) { ...Part } } fragment Part on ReplyToken { n: index messageId }';
    const annPlain = [
      subscribe(client(ann.token), plain, { c: ann.chatId }),
      subscribe(client(ann.token), plain, { c: ann.chatId }),
    ];
    const annAliased = subscribe(client(ann.token), aliased, { c: ann.chatId });
    const bobPlain = subscribe(client(bob.token), plain, { c: bob.chatId });
    const bobIntoAnn = subscribe(client(bob.token), plain, { c: ann.chatId });
    // Four accepted subscriptions; Bob's into Ann's chat is refused at subscribe time.
    await waitFor(() => rig.live.replyTokens.subscriberCount === 4 && bobIntoAnn.errors.length > 0, 15_000);

    const messageId = crypto.randomUUID();
    for (let index = 0; index < 3; index++) {
      send({ chatId: ann.chatId, messageId, index, text: `piece ${index}`, done: index === 2 });
    }
    send({ chatId: bob.chatId, messageId: crypto.randomUUID(), index: 0, text: 'for Bob', done: true });

    const expected = [0, 1, 2].map((index) => ({ index, text: `piece ${index}`, done: index === 2 }));
    for (const subscriber of annPlain) {
      assert.deepEqual(
        (await subscriber.until((results) => results.length >= 3)).map((r) => r.replyTokens),
        expected,
      );
    }
    assert.deepEqual(
      await annAliased.until((results) => results.length >= 3),
      [0, 1, 2].map((n) => ({ piece: { n, messageId } })),
    );
    assert.deepEqual(
      (await bobPlain.until((results) => results.length >= 1)).map((r) => r.replyTokens),
      [{ index: 0, text: 'for Bob', done: true }],
    );
    assert.deepEqual(bobIntoAnn.results, []);
    assert.match(JSON.stringify(bobIntoAnn.errors), /NOT_FOUND|FORBIDDEN/);
    for (const subscriber of [...annPlain, annAliased, bobPlain]) assert.deepEqual(subscriber.errors, []);

    // Unsubscribing (graphql-ws complete) and disconnecting leave no listener behind.
    annAliased.stop();
    await waitFor(() => rig.live.replyTokens.subscriberCount === 3, 5_000);
    await Promise.all(clients.splice(0).map((opened) => opened.dispose()));
    await waitFor(() => rig.live.replyTokens.subscriberCount === 0, 5_000);
  });
});
