import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { eventually, sleep } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { temporaryDirectory } from '../src/test-env.ts';

/**
 * A subscriber whose network went away: subscribed over graphql-ws, then it reads nothing more, so it
 * never answers a close handshake (`ws` would wait 30 s for it).
 */
async function openStalledSubscriber(url: string, token: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  const [ack] = await once(socket, 'message');
  assert.equal(JSON.parse(String(ack)).type, 'connection_ack');
  const query = 'subscription { avatarChanged { avatar { name } } }';
  socket.send(JSON.stringify({ id: 'stalled', type: 'subscribe', payload: { query } }));
  socket.pause();
  return socket;
}

/** Long enough for a drained shutdown on a busy machine, far shorter than a close handshake left to time out (30 s). */
const PROMPT_SHUTDOWN_MS = 10_000;

/**
 * A gateway stopped with GraphQL subscriptions open (SIGTERM, as an
 * orchestrator stops it) closes their sockets at once with 1001 "going away",
 * as live calls end, so clients reconnect elsewhere; and the stop does not
 * wait on a subscriber that never answers the close.
 */
describe('open subscriptions when Bishop stops', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;

  before(async () => {
    dataDir = await temporaryDirectory('subscriptions-shutdown');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path });
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  it('closes each subscription socket with 1001 and exits promptly on SIGTERM', async (t) => {
    const gql = graphqlOverHttp(bishop.url);
    const signUp = await gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
      i: { email: 'listener@example.org', fullName: 'Listener', password: 'long enough password' },
    });
    const token = signUp.data?.signUp.accessToken as string;
    const client = graphqlOverWebSocket(bishop.url, token);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      client.on('closed', (event) => resolve(event as { code: number; reason: string }));
    });
    t.after(() => client.dispose());
    const stalled = await openStalledSubscriber(bishop.url, token);
    t.after(() => stalled.terminate());
    const changes = subscribe<{ avatarChanged: { avatar: { name: string } } }>(
      client,
      'subscription { avatarChanged { avatar { name } } }',
      {},
    );
    // The subscription is live once it hears a change made after it.
    await eventually(async () => {
      await gql('mutation { createAvatar(name: "Ada") { avatarId } }', {}, { token });
      await sleep(300);
      return changes.results.length > 0;
    }, 30_000);

    const stopping = performance.now();
    const exitCode = await bishop.stop('SIGTERM');
    const tookMs = performance.now() - stopping;
    const close = await closed;
    assert.equal(close.code, 1001, JSON.stringify(close));
    assert.equal(exitCode, 0);
    assert.ok(tookMs < PROMPT_SHUTDOWN_MS, `Bishop took ${Math.round(tookMs)} ms to stop`);
  });
});
