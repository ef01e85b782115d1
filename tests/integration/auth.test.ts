import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { userStream } from '@bishop/domain';
import type { AuthService } from '@bishop/gateways/auth';
import { type AuthHarness, openAuthHarness, rejectsWith, testClient, testClock } from './auth-harness.ts';

const password = 'correct horse battery';
const uniqueEmail = () => `ada.${randomUUID().slice(0, 8)}@example.org`;

describe('auth: sign-up, log-in, refresh, log-out (PostgreSQL)', () => {
  let harness: AuthHarness;
  let auth: AuthService;
  before(async () => {
    harness = await openAuthHarness('auth');
    auth = harness.createService();
  });
  after(() => harness?.close());

  const logIn = (email: string, secret = password, clientIp = '192.0.2.10') =>
    auth.logIn({ email, password: secret, clientIp });

  describe('sign-up', () => {
    it('registers the user through the command bus and opens a session', async () => {
      const clock = testClock();
      const service = harness.createService({ clock: clock.now });
      const email = uniqueEmail();
      const session = await service.signUp(
        { email, fullName: 'Ada Lovelace', password },
        { correlationId: 'corr-7', ...testClient },
      );
      assert.deepEqual(await service.verifyAccessToken(session.accessToken), { userId: session.userId });
      assert.match(session.refreshToken, /^bishop_rt_[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(session.accessTokenExpiresAt, new Date(clock.now().getTime() + 15 * 60_000));
      assert.deepEqual(session.refreshTokenExpiresAt, new Date(clock.now().getTime() + 30 * 24 * 3600_000));

      const [registered] = await harness.eventStore.readStream(userStream(session.userId));
      assert.equal(registered?.type, 'UserRegistered');
      assert.equal(registered?.metadata.actorId, 'system:auth');
      assert.equal(registered?.metadata.correlationId, 'corr-7');
      assert.equal(registered?.position, session.position);
      assert.equal(registered?.data.email, email);
      assert.match(String(registered?.data.passwordHash), /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
      assert.equal(JSON.stringify(registered?.data).includes(password), false, 'the password itself is never stored');
    });

    it('says exactly what is wrong with the input', async () => {
      const fullName = 'Ada Lovelace';
      await rejectsWith(
        auth.signUp({ email: 'not-an-email', fullName, password }, testClient),
        'BISHOP_ERR_INVALID_EMAIL',
        'Email address is not valid',
      );
      await rejectsWith(
        auth.signUp({ email: uniqueEmail(), fullName, password: 'seven!!' }, testClient),
        'BISHOP_ERR_PASSWORD_TOO_SHORT',
        'Password must be at least 8 characters (invisible characters do not count); choose a longer one — a few words make a good password',
      );
      // Eight characters, even when some are outside the BMP (two UTF-16 units each).
      await auth.signUp({ email: uniqueEmail(), fullName, password: '😀😀😀😀abcd' }, testClient);
      await rejectsWith(
        auth.signUp({ email: uniqueEmail(), fullName, password: 'x'.repeat(1025) }, testClient),
        'BISHOP_ERR_PASSWORD_TOO_LONG',
        'Password must be at most 1024 characters; choose a shorter one',
      );
      await rejectsWith(
        auth.signUp({ email: uniqueEmail(), fullName, password: 'abcdefgh\ud800' }, testClient),
        'BISHOP_ERR_TEXT_INVALID_UTF8',
        'Password is not valid UTF-8 text',
      );
      await rejectsWith(
        auth.signUp({ email: uniqueEmail(), fullName: '  ', password }, testClient),
        'BISHOP_ERR_TEXT_REQUIRED',
      );
    });

    it('refuses an email that is already registered, however it is spelled', async () => {
      const email = uniqueEmail();
      await auth.signUp({ email, fullName: 'Ada Lovelace', password }, testClient);
      await rejectsWith(
        auth.signUp({ email: ` ${email.toUpperCase()} `, fullName: 'Someone Else', password }, testClient),
        'BISHOP_ERR_EMAIL_TAKEN',
        'This email is already registered',
      );
    });
  });

  describe('log-in', () => {
    it('opens a session for the right password, however the email is spelled', async () => {
      const email = uniqueEmail();
      const { userId } = await auth.signUp({ email, fullName: 'Ada Lovelace', password }, testClient);
      const session = await logIn(`  ${email.toUpperCase()}`);
      assert.equal(session.userId, userId);
      assert.deepEqual(await auth.verifyAccessToken(session.accessToken), { userId });
    });

    it('answers a wrong password and an unknown email with the same error', async () => {
      const email = uniqueEmail();
      await auth.signUp({ email, fullName: 'Ada Lovelace', password }, testClient);
      await rejectsWith(logIn(email, 'wrong password'), 'BISHOP_ERR_WRONG_CREDENTIALS', 'Wrong email or password');
      await rejectsWith(logIn(uniqueEmail()), 'BISHOP_ERR_WRONG_CREDENTIALS', 'Wrong email or password');
      await rejectsWith(logIn('not an email'), 'BISHOP_ERR_WRONG_CREDENTIALS', 'Wrong email or password');
    });

    it('matches a password typed in another Unicode form (NFKC)', async () => {
      const email = uniqueEmail();
      await auth.signUp({ email, fullName: 'Ada Lovelace', password: 'ｖｉｏｌｅｔ ｋａｎｇａｒｏｏ１２' }, testClient);
      await logIn(email, 'violet kangaroo12');
    });
  });

  describe('refresh', () => {
    it('rotates: every refresh hands out a new pair for the same user', async () => {
      const first = await auth.signUp({ email: uniqueEmail(), fullName: 'Ada Lovelace', password }, testClient);
      const second = await auth.refresh(first.refreshToken);
      assert.equal(second.userId, first.userId);
      assert.notEqual(second.refreshToken, first.refreshToken);
      assert.deepEqual(await auth.verifyAccessToken(second.accessToken), { userId: first.userId });
      const third = await auth.refresh(second.refreshToken);
      assert.equal(third.userId, first.userId);
    });

    it('ends the whole family when a rotated token is used again: even the newest token stops working', async () => {
      const stolen = await auth.signUp({ email: uniqueEmail(), fullName: 'Ada Lovelace', password }, testClient);
      const legitimate = await auth.refresh(stolen.refreshToken);
      const newest = await auth.refresh(legitimate.refreshToken);
      await assert.rejects(auth.refresh(stolen.refreshToken), {
        code: 'BISHOP_ERR_UNAUTHENTICATED',
        details: { reason: 'reused' },
      });
      await rejectsWith(
        auth.refresh(newest.refreshToken),
        'BISHOP_ERR_UNAUTHENTICATED',
        'Your session has ended; please log in again',
      );
    });

    it('lets only one of two simultaneous refreshes through, and then ends the family', async () => {
      const session = await auth.signUp({ email: uniqueEmail(), fullName: 'Ada Lovelace', password }, testClient);
      const results = await Promise.allSettled([
        auth.refresh(session.refreshToken),
        auth.refresh(session.refreshToken),
      ]);
      const winners = results.filter((result) => result.status === 'fulfilled');
      assert.equal(winners.length, 1);
      await rejectsWith(auth.refresh(winners[0]?.value.refreshToken ?? ''), 'BISHOP_ERR_UNAUTHENTICATED');
    });

    it('refuses an expired refresh token, and a made-up one', async () => {
      const clock = testClock();
      const shortLived = harness.createService({ clock: clock.now, refreshTokenTtlSeconds: 3600 });
      const session = await shortLived.signUp({ email: uniqueEmail(), fullName: 'Ada Lovelace', password }, testClient);
      clock.advance(3600_000);
      await rejectsWith(
        shortLived.refresh(session.refreshToken),
        'BISHOP_ERR_UNAUTHENTICATED',
        'Your session has expired; please log in again',
      );
      await rejectsWith(
        auth.refresh(`bishop_rt_${'A'.repeat(43)}`),
        'BISHOP_ERR_UNAUTHENTICATED',
        'Invalid refresh token',
      );
      await rejectsWith(auth.refresh(session.accessToken), 'BISHOP_ERR_UNAUTHENTICATED', 'Invalid refresh token');
    });
  });

  describe('log-out', () => {
    it('ends this session only: its refresh token and its successors stop working, other sessions go on', async () => {
      const email = uniqueEmail();
      const phone = await auth.signUp({ email, fullName: 'Ada Lovelace', password }, testClient);
      const laptop = await logIn(email);
      const refreshed = await auth.refresh(phone.refreshToken);
      await auth.logOut(refreshed.refreshToken);
      await auth.logOut(refreshed.refreshToken);
      await rejectsWith(
        auth.refresh(refreshed.refreshToken),
        'BISHOP_ERR_UNAUTHENTICATED',
        'Your session has ended; please log in again',
      );
      assert.equal((await auth.refresh(laptop.refreshToken)).userId, phone.userId);
    });
  });

  it('prunes expired rows while logging in now and then', async () => {
    // In the past, so pruning cannot touch the other tests' tokens in this schema.
    const clock = testClock(new Date('2000-01-01T00:00:00.000Z'));
    const email = uniqueEmail();
    const service = harness.createService({ clock: clock.now, refreshTokenTtlSeconds: 60 });
    const session = await service.signUp({ email, fullName: 'Ada Lovelace', password }, testClient);
    clock.advance(61_000);
    await service.logIn({ email, password, clientIp: '192.0.2.99' });
    // Pruned: the expired token is now simply unknown.
    await rejectsWith(service.refresh(session.refreshToken), 'BISHOP_ERR_UNAUTHENTICATED', 'Invalid refresh token');
  });
});
