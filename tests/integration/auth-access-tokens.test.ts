import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AuthService } from '@bishop/gateways/auth';
import { type AuthHarness, openAuthHarness, rejectsWith, testClient, testClock } from './auth-harness.ts';

type Json = Record<string, unknown>;
const encode = (part: Json) => Buffer.from(JSON.stringify(part)).toString('base64url');
const decode = (part: string | undefined): Json => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

/** Signs by hand with node:crypto, so the attacks do not rely on the library under test. */
function forge(header: Json, payload: Json, key: Uint8Array | null, hash = 'sha256'): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${key === null ? '' : createHmac(hash, key).update(input).digest('base64url')}`;
}

const invalid = (promise: Promise<unknown>) =>
  rejectsWith(promise, 'BISHOP_ERR_UNAUTHENTICATED', 'Invalid access token');

describe('auth: JWT access tokens', () => {
  let harness: AuthHarness;
  let auth: AuthService;
  let clock: ReturnType<typeof testClock>;
  let genuine: { token: string; userId: string; header: Json; claims: Json };

  before(async () => {
    harness = await openAuthHarness('jwt');
    clock = testClock();
    auth = harness.createService({ clock: clock.now });
    const session = await auth.signUp(
      {
        email: `jwt.${randomUUID()}@example.org`,
        fullName: 'Alan Turing',
        password: 'imitation game',
      },
      testClient,
    );
    const [header, claims] = session.accessToken.split('.');
    genuine = { token: session.accessToken, userId: session.userId, header: decode(header), claims: decode(claims) };
  });
  after(() => harness?.close());

  it('carries what it must: HS256, at+jwt, issuer, audience, subject, 15 minutes', async () => {
    assert.deepEqual(genuine.header, { alg: 'HS256', typ: 'at+jwt' });
    const { iss, aud, sub, iat, exp } = genuine.claims as {
      iss: string;
      aud: string;
      sub: string;
      iat: number;
      exp: number;
    };
    assert.deepEqual(
      { iss, aud, sub, ttl: exp - iat },
      { iss: 'bishop', aud: 'bishop-api', sub: genuine.userId, ttl: 900 },
    );
    assert.deepEqual(await auth.verifyAccessToken(genuine.token), { userId: genuine.userId });
  });

  it('refuses a token whose signature or payload was changed', async () => {
    const [header, payload, signature = ''] = genuine.token.split('.');
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 0x01;
    await invalid(auth.verifyAccessToken(`${header}.${payload}.${flipped.toString('base64url')}`));
    const otherUser = encode({ ...genuine.claims, sub: randomUUID() });
    await invalid(auth.verifyAccessToken(`${header}.${otherUser}.${signature}`));
  });

  it('refuses `alg: none` and every algorithm but HS256, even with the right key', async () => {
    await invalid(auth.verifyAccessToken(forge({ ...genuine.header, alg: 'none' }, genuine.claims, null)));
    await invalid(
      auth.verifyAccessToken(forge({ ...genuine.header, alg: 'HS512' }, genuine.claims, harness.signingKey, 'sha512')),
    );
    // The forger itself is sound: the same claims signed properly pass.
    assert.deepEqual(await auth.verifyAccessToken(forge(genuine.header, genuine.claims, harness.signingKey)), {
      userId: genuine.userId,
    });
  });

  it('refuses a token signed with another key, or minted for another audience, issuer or purpose', async () => {
    await invalid(auth.verifyAccessToken(forge(genuine.header, genuine.claims, randomBytes(32))));
    await invalid(
      auth.verifyAccessToken(forge(genuine.header, { ...genuine.claims, aud: 'another-api' }, harness.signingKey)),
    );
    await invalid(
      auth.verifyAccessToken(forge(genuine.header, { ...genuine.claims, iss: 'someone' }, harness.signingKey)),
    );
    await invalid(auth.verifyAccessToken(forge({ ...genuine.header, typ: 'JWT' }, genuine.claims, harness.signingKey)));
    await invalid(
      auth.verifyAccessToken(forge(genuine.header, { ...genuine.claims, sub: 'admin' }, harness.signingKey)),
    );
    const { exp: _, ...withoutExpiry } = genuine.claims;
    await invalid(auth.verifyAccessToken(forge(genuine.header, withoutExpiry, harness.signingKey)));
    for (const junk of ['', 'abc', 'a.b.c', genuine.token.split('.').slice(0, 2).join('.')]) {
      await invalid(auth.verifyAccessToken(junk));
    }
  });

  it('expires after its TTL with a message that says so', async () => {
    clock.advance(15 * 60_000 - 1000);
    await auth.verifyAccessToken(genuine.token);
    clock.advance(1000);
    await assert.rejects(auth.verifyAccessToken(genuine.token), {
      code: 'BISHOP_ERR_UNAUTHENTICATED',
      message: 'Your session has expired; please log in again',
      details: { reason: 'expired' },
    });
  });

  it('takes its TTL and its signing key from the options', async () => {
    const shortClock = testClock();
    const short = harness.createService({ clock: shortClock.now, accessTokenTtlSeconds: 60 });
    const { accessToken } = await short.signUp(
      {
        email: `ttl.${randomUUID()}@example.org`,
        fullName: 'Grace Hopper',
        password: 'nanoseconds',
      },
      testClient,
    );
    shortClock.advance(60_000);
    await rejectsWith(
      short.verifyAccessToken(accessToken),
      'BISHOP_ERR_UNAUTHENTICATED',
      'Your session has expired; please log in again',
    );
    assert.throws(() => harness.createService({ signingKey: randomBytes(16) }), /at least 32 bytes/);
  });
});
