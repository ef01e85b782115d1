import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { callCloseCodes } from '@bishop/domain';
import { socketCloseCodes } from '@bishop/gateways';
import type { FastifyInstance } from 'fastify';
import { type GatewayRig, openGatewayRig } from '../bench/gateway-rig.ts';
import { eventually } from '../src/async.ts';
import { testDatabaseUrl } from '../src/test-env.ts';

/**
 * Each gateway plugin as the app registers it (on real stores, see gateway-rig.ts), asked over
 * Fastify's inject: what it answers a signed-in owner, and what it refuses to anyone else.
 */
describe('the gateway plugins, over inject', () => {
  let rig: GatewayRig;
  let app: FastifyInstance;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: token ? bearer(token) : {},
      payload: { query, variables },
    });
    return { status: response.statusCode, headers: response.headers, body: response.json() };
  }

  async function signUp(email: string): Promise<string> {
    const signed = await graphql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
      i: { email, fullName: 'Ada', password: 'correct horse battery' },
    });
    assert.equal(signed.body.errors, undefined, JSON.stringify(signed.body.errors));
    return signed.body.data.signUp.accessToken;
  }

  before(async () => {
    rig = await openGatewayRig(testDatabaseUrl, { calls: { maxConcurrent: 1 } });
    app = rig.app;
  });
  after(async () => {
    await rig?.close();
  });

  it('auth and GraphQL: the bearer is the caller; a tampered one is refused with 401 and the scheme named', async () => {
    const token = await signUp('ada@example.org');
    // The account reaches the read models a moment after signing up.
    await eventually(
      async () => (await graphql('{ me { email } }', {}, token)).body.data?.me?.email === 'ada@example.org',
    );
    const tampered = await graphql('{ me { email } }', {}, `${token.slice(0, -3)}xyz`);
    assert.equal(tampered.status, 401);
    assert.equal(tampered.headers['www-authenticate'], 'Bearer error="invalid_token"');
  });

  it('uploads, media and exports: the owner uploads, reads and exports; a stranger gets none of it', async () => {
    const owner = await signUp('owner@example.org');
    const stranger = await signUp('stranger@example.org');
    const created = await graphql('mutation { createAvatar(name: "Лев") { avatarId } }', {}, owner);
    const avatarId = created.body.data.createAvatar.avatarId;

    const form = new FormData();
    form.append('file', new Blob(['Сегодня я писал весь день.'], { type: 'text/plain' }), 'diary.txt');
    const body = new Response(form);
    const upload = (token: string) =>
      app.inject({
        method: 'POST',
        url: `/api/avatars/${avatarId}/materials`,
        headers: { ...bearer(token), 'content-type': body.headers.get('content-type') ?? '' },
        payload: Buffer.from(bytes),
      });
    const bytes = new Uint8Array(await body.arrayBuffer());
    const uploaded = await upload(owner);
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    const materialId = uploaded.json().results[0].materialId;
    assert.ok(materialId, uploaded.body);
    // Another's avatar is not found, as if it did not exist.
    assert.equal((await upload(stranger)).statusCode, 404);

    const original = `/api/media/avatars/${avatarId}/materials/${materialId}/original`;
    // Served under its file name, which the read models know a moment after the upload.
    const read = () => app.inject({ url: original, headers: bearer(owner) });
    await eventually(async () => (await read()).statusCode === 200);
    assert.equal((await read()).body, 'Сегодня я писал весь день.');
    assert.equal((await app.inject({ url: original })).statusCode, 401);
    assert.equal((await app.inject({ url: original, headers: bearer(stranger) })).statusCode, 404);

    const timeline = `/api/avatars/${avatarId}/timeline.jsonl`;
    const exported = await app.inject({ url: timeline, headers: bearer(owner) });
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /^application\/x-ndjson/);
    assert.equal((await app.inject({ url: timeline, headers: bearer(stranger) })).statusCode, 404);
  });

  it('session cookie: its routes answer only the web app (Bishop-Session: cookie, same origin)', async () => {
    const refused = await app.inject({ method: 'POST', url: '/api/session/refresh' });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.match(refused.body, /BISHOP_ERR_FORBIDDEN/);
    assert.match(refused.body, /This session route answers only Bishop's own pages/);
    assert.equal(refused.headers['set-cookie'], undefined);
  });

  it('metrics and health: /metrics times the GraphQL route; /healthz answers alive', async () => {
    const scraped = await app.inject('/metrics');
    assert.match(
      scraped.body,
      /bishop_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="2xx"\} \d+/,
    );
    assert.equal((await app.inject('/healthz')).json().status, 'ok');
  });

  it("calls: a bad token, a stranger's chat and a full server are each refused with their close code", async () => {
    const owner = await signUp('caller@example.org');
    const stranger = await signUp('eavesdropper@example.org');
    const avatarId = (await graphql('mutation { createAvatar(name: "Вера") { avatarId } }', {}, owner)).body.data
      .createAvatar.avatarId;
    const opened = await graphql(
      'mutation($a: ID!) { openChat(avatarId: $a, title: "Звонок") { chatId } }',
      { a: avatarId },
      owner,
    );
    assert.equal(opened.body.errors, undefined, JSON.stringify(opened.body.errors));
    const { chatId } = opened.body.data.openChat;
    /** Starts a call as `token` and waits for the socket's close code. */
    const callAs = async (token: string) => {
      const socket = await app.injectWS(`/api/chats/${chatId}/call`);
      const closed = once(socket, 'close');
      socket.send(JSON.stringify({ type: 'start', authorization: `Bearer ${token}` }));
      const [code] = await closed;
      return code as number;
    };

    assert.equal(await callAs('not-a-token'), socketCloseCodes.expired);
    assert.equal(await callAs(stranger), callCloseCodes.notFound);
    // The one call this gateway may carry is taken: the owner is told the server is busy, and it is not counted twice.
    assert.ok(rig.calls?.reserve());
    try {
      assert.equal(await callAs(owner), callCloseCodes.busy);
      assert.equal(rig.calls?.active, 1);
    } finally {
      rig.calls?.release();
    }
  });
});
