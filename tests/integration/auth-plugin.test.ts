import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { userActor } from '@bishop/domain';
import {
  type AuthService,
  type AuthSession,
  authPlugin,
  credentialFromConnectionInit,
  requireUserId,
} from '@bishop/gateways/auth';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  type AuthHarness,
  openAuthHarness,
  rejectsWith,
  sessionCredential,
  testClient,
  testClock,
} from './auth-harness.ts';

const email = `plugin.${randomUUID()}@example.org`;
const password = 'analytical engine';

describe('auth: Fastify plugin and WebSocket connection_init', () => {
  let harness: AuthHarness;
  let clock: ReturnType<typeof testClock>;
  let auth: AuthService;
  let session: AuthSession;
  let app: FastifyInstance;

  before(async () => {
    harness = await openAuthHarness('authplugin');
    clock = testClock();
    auth = harness.createService({ clock: clock.now });
    session = await auth.signUp({ email, fullName: 'Ada', password }, testClient);
    app = Fastify();
    await app.register(authPlugin, { auth });
    // A sibling plugin, as GraphQL will be: it must see the decoration (fastify-plugin).
    await app.register(async (child) => {
      child.get('/whoami', async (request) => ({ actor: request.actor }));
    });
  });
  after(async () => {
    await app?.close();
    await harness?.close();
  });

  const whoami = (authorization?: string) =>
    app.inject({ method: 'GET', url: '/whoami', headers: authorization === undefined ? {} : { authorization } });

  it('lets anonymous requests through with actor null', async () => {
    const response = await whoami();
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { actor: null });
  });

  it('sets the actor from a valid access token or API token', async () => {
    const byJwt = await whoami(`Bearer ${session.accessToken}`);
    assert.deepEqual(byJwt.json(), { actor: { kind: 'user', userId: session.userId } });
    const { secret } = await auth.issueApiToken(sessionCredential(session), { name: 'plugin test' });
    const byApiToken = await whoami(`bearer ${secret}`);
    assert.deepEqual(byApiToken.json(), { actor: { kind: 'user', userId: session.userId } });
  });

  it('answers 401 with the code and a clear message for a present but bad credential', async () => {
    for (const [authorization, message] of [
      [`Bearer ${session.accessToken}x`, 'Invalid access token'],
      [`Basic ${Buffer.from('ada:secret').toString('base64')}`, 'The Authorization header must be "Bearer <token>"'],
      ['Bearer', 'The Authorization header must be "Bearer <token>"'],
    ] as const) {
      const response = await whoami(authorization);
      assert.equal(response.statusCode, 401, authorization);
      assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
      assert.deepEqual(response.json(), {
        statusCode: 401,
        code: 'BISHOP_ERR_UNAUTHENTICATED',
        error: 'Unauthorized',
        message,
      });
    }
  });

  it('says so when the access token has expired', async () => {
    const expiring = await auth.refresh(session.refreshToken);
    clock.advance(15 * 60_000);
    const response = await whoami(`Bearer ${expiring.accessToken}`);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().message, 'Your session has expired; please log in again');
  });

  it('reads the same credentials from a connection_init payload', async () => {
    const { accessToken } = await auth.logIn({ email, password, clientIp: '::1' });
    const viaSocket = await credentialFromConnectionInit(auth, { authorization: `Bearer ${accessToken}` });
    assert.equal(viaSocket?.userId, session.userId);
    assert.equal(viaSocket?.kind, 'session');
    assert.equal(
      (await credentialFromConnectionInit(auth, { Authorization: `Bearer ${accessToken}` }))?.userId,
      session.userId,
    );
    assert.equal(await credentialFromConnectionInit(auth, {}), null);
    assert.equal(await credentialFromConnectionInit(auth, undefined), null);
    await rejectsWith(
      credentialFromConnectionInit(auth, { authorization: 'Bearer nonsense' }),
      'BISHOP_ERR_UNAUTHENTICATED',
      'Invalid access token',
    );
    await rejectsWith(credentialFromConnectionInit(auth, { authorization: 42 }), 'BISHOP_ERR_UNAUTHENTICATED');
  });

  it('gives resolvers the signed-in user or a clear refusal', () => {
    assert.equal(requireUserId(userActor(session.userId)), session.userId);
    assert.throws(() => requireUserId(null), {
      code: 'BISHOP_ERR_UNAUTHENTICATED',
      message: 'Please log in to do this',
    });
  });
});
