import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { systemActor, userActor, userStream } from '@bishop/domain';
import type { AuthService } from '@bishop/gateways/auth';
import { type AuthHarness, openAuthHarness, rejectsWith, testClock } from './auth-harness.ts';

describe('auth: API tokens for integrators', () => {
  let harness: AuthHarness;
  let clock: ReturnType<typeof testClock>;
  let auth: AuthService;
  let userId: string;

  before(async () => {
    harness = await openAuthHarness('pat');
    clock = testClock();
    auth = harness.createService({ clock: clock.now });
    ({ userId } = await auth.signUp({
      email: `pat.${randomUUID()}@example.org`,
      fullName: 'Katherine Johnson',
      password: 'trajectory',
    }));
  });
  after(() => harness?.close());

  it('issues a secret shown once, stores only its SHA-256, and authenticates with it', async () => {
    const issued = await auth.issueApiToken(userActor(userId), { name: '  CI pipeline ' });
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
    const { tokenId, secret } = await auth.issueApiToken(userActor(userId), { name: 'Reporting' });
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
    const { tokenId, secret } = await auth.issueApiToken(userActor(userId), { name: 'Temporary' });
    await auth.authenticate(`Bearer ${secret}`);
    await auth.revokeApiToken(userActor(userId), tokenId);
    await rejectsWith(
      auth.authenticate(`Bearer ${secret}`),
      'BISHOP_ERR_UNAUTHENTICATED',
      'This API token has been revoked',
    );
  });

  it('refuses secrets it never issued', async () => {
    await rejectsWith(
      auth.verifyApiToken(`bishop_pat_${'A'.repeat(43)}`),
      'BISHOP_ERR_UNAUTHENTICATED',
      'Invalid API token',
    );
    await rejectsWith(auth.authenticate('Bearer bishop_pat_short'), 'BISHOP_ERR_UNAUTHENTICATED', 'Invalid API token');
  });

  it('belongs to its owner: nobody else can revoke it, a service cannot issue one', async () => {
    const { tokenId, secret } = await auth.issueApiToken(userActor(userId), { name: 'Mine' });
    await rejectsWith(auth.revokeApiToken(userActor(randomUUID()), tokenId), 'BISHOP_ERR_NOT_FOUND');
    assert.deepEqual(await auth.authenticate(`Bearer ${secret}`), userActor(userId));
    await rejectsWith(auth.issueApiToken(systemActor('worker'), { name: 'Sneaky' }), 'BISHOP_ERR_FORBIDDEN');
    await rejectsWith(auth.issueApiToken(userActor(userId), { name: 'mine' }), 'BISHOP_ERR_ALREADY_EXISTS');
  });
});
