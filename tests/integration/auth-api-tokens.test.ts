import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { userActor, userStream } from '@bishop/domain';
import type { AuthService, Credential } from '@bishop/gateways/auth';
import {
  type AuthHarness,
  openAuthHarness,
  rejectsWith,
  sessionCredential,
  testClient,
  testClock,
} from './auth-harness.ts';

describe('auth: API tokens for integrators', () => {
  let harness: AuthHarness;
  let clock: ReturnType<typeof testClock>;
  let auth: AuthService;
  let userId: string;
  let owner: Credential;

  before(async () => {
    harness = await openAuthHarness('pat');
    clock = testClock();
    auth = harness.createService({ clock: clock.now });
    const session = await auth.signUp(
      { email: `pat.${randomUUID()}@example.org`, fullName: 'Katherine Johnson', password: 'orbital trajectory' },
      testClient,
    );
    userId = session.userId;
    owner = sessionCredential(session);
  });
  after(() => harness?.close());

  it('issues a secret shown once, stores only its SHA-256, and authenticates with it', async () => {
    const issued = await auth.issueApiToken(owner, { name: '  CI pipeline ' });
    assert.match(issued.secret, /^bishop_pat_[A-Za-z0-9_-]{43}$/);
    assert.equal(issued.name, 'CI pipeline');

    const events = await harness.eventStore.readStream(userStream(userId));
    const stored = events.find((event) => event.type === 'ApiTokenIssued');
    assert.equal(stored?.position, issued.position);
    assert.deepEqual(stored?.data, {
      tokenId: issued.tokenId,
      name: 'CI pipeline',
      tokenHash: createHash('sha256').update(issued.secret).digest('hex'),
      issuedAt: clock.now().toISOString(),
    });

    assert.deepEqual(await auth.authenticate(`Bearer ${issued.secret}`), userActor(userId));
    assert.deepEqual(await auth.verifyApiToken(issued.secret), { userId, tokenId: issued.tokenId });
  });

  it('records the last use, writing at most once a minute', async () => {
    const { tokenId, secret } = await auth.issueApiToken(owner, { name: 'Reporting' });
    assert.deepEqual(await auth.findApiTokensLastUsed([tokenId]), new Map());
    const firstUse = clock.now();
    await auth.authenticate(`Bearer ${secret}`);
    clock.advance(30_000);
    await auth.authenticate(`Bearer ${secret}`);
    // Another gateway process on the same store obeys the same interval.
    await harness.createService({ clock: clock.now }).authenticate(`Bearer ${secret}`);
    assert.deepEqual(await auth.findApiTokensLastUsed([tokenId]), new Map([[tokenId, firstUse]]));
    clock.advance(30_000);
    await auth.authenticate(`Bearer ${secret}`);
    assert.deepEqual(await auth.findApiTokensLastUsed([tokenId]), new Map([[tokenId, clock.now()]]));
  });

  it('stops working once revoked', async () => {
    const { tokenId, secret } = await auth.issueApiToken(owner, { name: 'Temporary' });
    await auth.authenticate(`Bearer ${secret}`);
    await auth.revokeApiToken(owner, tokenId);
    await rejectsWith(auth.authenticate(`Bearer ${secret}`), 'BISHOP_ERR_UNAUTHENTICATED', 'The API token was revoked');
  });

  it('refuses secrets it never issued', async () => {
    await rejectsWith(
      auth.verifyApiToken(`bishop_pat_${'A'.repeat(43)}`),
      'BISHOP_ERR_UNAUTHENTICATED',
      'Invalid API token',
    );
    await rejectsWith(auth.authenticate('Bearer bishop_pat_short'), 'BISHOP_ERR_UNAUTHENTICATED', 'Invalid API token');
  });

  it('belongs to its owner: nobody else can revoke it, an anonymous caller cannot issue one', async () => {
    const { tokenId, secret } = await auth.issueApiToken(owner, { name: 'Mine' });
    const stranger = { ...owner, userId: randomUUID(), sessionId: randomUUID() };
    await rejectsWith(auth.revokeApiToken(stranger, tokenId), 'BISHOP_ERR_NOT_FOUND');
    assert.deepEqual(await auth.authenticate(`Bearer ${secret}`), userActor(userId));
    await rejectsWith(auth.issueApiToken(null, { name: 'Sneaky' }), 'BISHOP_ERR_UNAUTHENTICATED');
    await rejectsWith(auth.issueApiToken(owner, { name: 'mine' }), 'BISHOP_ERR_ALREADY_EXISTS');
  });

  it('cannot mint, revoke or close anything with an API token: those need a signed-in session', async () => {
    const { tokenId, secret } = await auth.issueApiToken(owner, { name: 'Integration' });
    const viaToken = await auth.authenticateCredential(`Bearer ${secret}`);
    assert.equal(viaToken?.kind, 'apiToken');
    const refused = 'BISHOP_ERR_SESSION_REQUIRED';
    await rejectsWith(
      auth.issueApiToken(viaToken, { name: 'Offspring' }),
      refused,
      'An API token cannot issue API tokens; sign in to Bishop with your password and do it there',
    );
    await rejectsWith(auth.revokeApiToken(viaToken, tokenId), refused);
    await rejectsWith(auth.deleteAccount(viaToken, 'orbital trajectory', testClient), refused);
    assert.deepEqual(await auth.authenticate(`Bearer ${secret}`), userActor(userId), 'the token itself still works');
  });
});
