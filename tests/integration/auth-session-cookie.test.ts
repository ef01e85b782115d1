import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { handleHttpError } from '@bishop/gateways';
import { type AuthService, REFRESH_COOKIE, sessionCookiePlugin } from '@bishop/gateways/auth';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { type AuthHarness, openAuthHarness, testClient } from './auth-harness.ts';

const password = 'analytical engine';
const sameOrigin = { 'bishop-session': 'cookie', 'sec-fetch-site': 'same-origin', origin: 'http://bishop.test' };

/**
 * The web app's refresh-token cookie and its two routes (/api/session/refresh and
 * /logout): what the cookie looks like, that no answer carries the refresh token,
 * and the cross-site requests (CSRF) and replays they refuse.
 */
describe('auth: the session cookie routes', () => {
  let harness: AuthHarness;
  let auth: AuthService;
  let app: FastifyInstance;

  before(async () => {
    harness = await openAuthHarness('sessioncookie');
    auth = harness.createService();
    app = Fastify();
    app.setErrorHandler(handleHttpError);
    await app.register(sessionCookiePlugin, { auth });
  });
  after(async () => {
    await app?.close();
    await harness?.close();
  });

  const newSession = async () =>
    (await auth.signUp({ email: `cookie.${randomUUID()}@example.org`, fullName: 'Ada', password }, testClient))
      .refreshToken;
  const post = (action: 'refresh' | 'logout', cookie: string | null, headers: Record<string, string> = sameOrigin) =>
    app.inject({
      method: 'POST',
      url: `/api/session/${action}`,
      headers: { host: 'bishop.test', ...headers, ...(cookie ? { cookie: `${REFRESH_COOKIE}=${cookie}` } : {}) },
    });
  const setCookie = (response: LightMyRequestResponse) => {
    const cookies = response.cookies as { name: string; value: string; [attribute: string]: unknown }[];
    return cookies.find((cookie) => cookie.name === REFRESH_COOKIE);
  };

  it('rotates the cookie (HttpOnly, Secure, SameSite=Strict, Path=/api/session) and answers only an access token', async () => {
    const first = await newSession();
    const response = await post('refresh', first);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(Object.keys(response.json()).sort(), ['accessToken', 'accessTokenExpiresAt']);
    assert.doesNotMatch(response.body, /bishop_rt_/, 'the refresh token never appears in an answer');
    assert.equal(response.headers['cache-control'], 'no-store');
    const cookie = setCookie(response);
    assert.ok(cookie, 'a new cookie is set');
    assert.notEqual(cookie.value, first);
    assert.match(cookie.value, /^bishop_rt_/);
    assert.equal(cookie.path, '/api/session');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.ok(cookie.expires instanceof Date && cookie.expires.getTime() > Date.now() + 86_400_000);
    assert.ok(await auth.verifyAccessToken(response.json().accessToken));
  });

  it('refuses a cross-site refresh (CSRF): no custom header, a cross-site or same-site page, a foreign or opaque origin', async () => {
    const cookie = await newSession();
    const attempts: Record<string, string>[] = [
      {},
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      { 'bishop-session': 'cookie', 'sec-fetch-site': 'cross-site' },
      { 'bishop-session': 'cookie', 'sec-fetch-site': 'same-site' },
      { 'bishop-session': 'cookie', 'sec-fetch-site': 'none' },
      { 'bishop-session': 'cookie', origin: 'http://evil.example' },
      { 'bishop-session': 'cookie', origin: 'null' },
      { 'bishop-session': 'yes please', 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of attempts) {
      const response = await post('refresh', cookie, headers);
      assert.equal(response.statusCode, 403, `${JSON.stringify(headers)} → ${response.body}`);
      assert.equal(response.json().error.bishopCode, 'BISHOP_ERR_FORBIDDEN');
      assert.equal(setCookie(response), undefined, 'no cookie is set or cleared');
    }
    // None of them spent the token: the real page still refreshes with it.
    assert.equal((await post('refresh', cookie)).statusCode, 200);
  });

  it('ends the whole session when a rotated cookie is replayed, and clears the cookie', async () => {
    const stolen = await newSession();
    const legitimate = setCookie(await post('refresh', stolen))?.value ?? '';
    const replay = await post('refresh', stolen);
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().error.details.reason, 'reused');
    assert.equal(setCookie(replay)?.value, '', 'the cookie is cleared');
    assert.equal((await post('refresh', legitimate)).statusCode, 401, 'the family is revoked');
  });

  it('answers 401 without a cookie (signed out in this browser)', async () => {
    const response = await post('refresh', null);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.details.reason, 'missing');
  });

  it('logs out: the session ends on the server and the cookie is cleared; a cross-site log-out is refused', async () => {
    const cookie = await newSession();
    assert.equal((await post('logout', cookie, { origin: 'http://evil.example' })).statusCode, 403);
    const response = await post('logout', cookie);
    assert.equal(response.statusCode, 200);
    const cleared = setCookie(response);
    assert.equal(cleared?.value, '');
    assert.equal(cleared?.path, '/api/session');
    assert.equal(cleared?.maxAge, 0);
    assert.equal((await post('refresh', cookie)).statusCode, 401, 'the refresh token no longer works');
    assert.equal((await post('logout', cookie)).statusCode, 200, 'logging out twice is still fine');
    assert.equal((await post('logout', null)).statusCode, 200);
  });
});
