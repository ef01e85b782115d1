import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthService, commonPasswords, defaultLoginLimits } from '@bishop/gateways/auth';
import {
  type AuthHarness,
  openAuthHarness,
  rejectsWith,
  sessionCredential,
  testClient,
  testClock,
} from './auth-harness.ts';

const password = 'velvet thunder 1843';
const MINUTE = 60_000;
const uniqueEmail = () => `cred.${randomUUID().slice(0, 8)}@example.org`;

describe('auth: passwords under NIST SP 800-63B, and every password check throttled', () => {
  let harness: AuthHarness;
  let auth: AuthService;
  before(async () => {
    harness = await openAuthHarness('credentials');
    auth = harness.createService();
  });
  after(() => harness?.close());

  describe('new passwords', () => {
    const signUpWith = (secret: string, email = uniqueEmail(), fullName = 'Grace Brewster Hopper') =>
      auth.signUp({ email, fullName, password: secret }, testClient);

    it('refuses the most common breached passwords, in any case, with its own code', async () => {
      for (const weak of ['12345678', 'password', 'PASSWORD1', 'qwertyuiop', 'iloveyou', '  Password  ']) {
        await rejectsWith(
          signUpWith(weak),
          'BISHOP_ERR_PASSWORD_COMMON',
          'This password is one of the most common ones attackers try first; choose another — a few unrelated words work well',
        );
      }
    });

    it('refuses blanks and invisible characters, and does not count invisible ones', async () => {
      await rejectsWith(signUpWith(' '.repeat(8)), 'BISHOP_ERR_PASSWORD_BLANK');
      await rejectsWith(signUpWith('\u200b'.repeat(8)), 'BISHOP_ERR_PASSWORD_BLANK');
      await rejectsWith(signUpWith('\u3000\u00a0\u2060\ufeff\u200d\u200c \t'), 'BISHOP_ERR_PASSWORD_BLANK');
      // Seven visible characters padded with zero-width ones are still seven.
      await rejectsWith(signUpWith('kx7!qz9\u200b\u200b\u200b'), 'BISHOP_ERR_PASSWORD_TOO_SHORT');
      await rejectsWith(signUpWith('kx7!q\u00adz9'), 'BISHOP_ERR_PASSWORD_TOO_SHORT');
    });

    it('refuses the email, its name part and the full name as the password', async () => {
      const email = `Barbara.Liskov.${randomUUID().slice(0, 4)}@example.org`;
      const fullName = 'Barbara Jane Liskov';
      for (const personal of [
        email,
        email.toUpperCase(),
        email.split('@')[0] as string,
        fullName,
        'barbarajaneliskov',
      ]) {
        await rejectsWith(
          signUpWith(personal, email, fullName),
          'BISHOP_ERR_PASSWORD_PERSONAL',
          'Password cannot be your email or your name; choose something others cannot guess from your account',
        );
      }
      // Containing one's name is fine: only the name itself is guessable from the account.
      await signUpWith('barbara plays the cello', email, fullName);
    });

    it('accepts long passphrases, emoji and Cyrillic', async () => {
      await signUpWith('сирень цветёт в мае');
      await signUpWith('🦊🌲🦉🍄 at night');
      await signUpWith('correct horse battery staple in 2024');
    });

    it('checks against a bundled list of over 100,000 breached passwords, loaded once into a set', async () => {
      const list = commonPasswords();
      assert.ok(list.size >= 100_000, `${list.size} entries`);
      assert.ok(list.has('password1') && list.has('12345678') && list.has('qwertyuiop'));
      assert.equal(commonPasswords(), list, 'the same set every time: read from disk once per process');
      assert.ok(
        [...list].every((entry) => [...entry].length >= 8),
        'only entries a new password could be',
      );
    });
  });

  describe('password oracles', () => {
    it('throttles deleteAccount(password) like log-in, and shares the account’s count with log-in', async () => {
      const clock = testClock();
      const service = harness.createService({ clock: clock.now });
      const email = uniqueEmail();
      const session = await service.signUp({ email, fullName: 'Target Person', password }, testClient);
      const caller = sessionCredential(session);
      for (let n = 0; n < 3; n++) {
        await rejectsWith(
          service.deleteAccount(caller, `guess ${n}`, { clientIp: `203.0.113.${n}` }),
          'BISHOP_ERR_WRONG_PASSWORD',
        );
      }
      for (let n = 3; n < 5; n++) {
        await rejectsWith(
          service.logIn({ email, password: `guess ${n}`, clientIp: `203.0.113.${n}` }),
          'BISHOP_ERR_WRONG_CREDENTIALS',
        );
      }
      // Five failures on the account, whichever door: the right password no longer gets checked.
      await rejectsWith(
        service.deleteAccount(caller, password, { clientIp: '203.0.113.99' }),
        'BISHOP_ERR_RATE_LIMITED',
      );
      await rejectsWith(service.logIn({ email, password, clientIp: '203.0.113.98' }), 'BISHOP_ERR_RATE_LIMITED');
      clock.advance(15 * MINUTE);
      await service.logIn({ email, password, clientIp: '203.0.113.97' });
    });

    it('throttles deleteAccount per client address too', async () => {
      const service = harness.createService({
        loginLimits: { ...defaultLoginLimits, perEmail: { maxFailures: 100, windowMs: 15 * MINUTE } },
      });
      const session = await service.signUp({ email: uniqueEmail(), fullName: 'Another Target', password }, testClient);
      const clientIp = '198.51.100.77';
      for (let n = 0; n < defaultLoginLimits.perClient.maxFailures; n++) {
        await rejectsWith(
          service.deleteAccount(sessionCredential(session), `guess ${n}`, { clientIp }),
          'BISHOP_ERR_WRONG_PASSWORD',
        );
      }
      await rejectsWith(
        service.deleteAccount(sessionCredential(session), password, { clientIp }),
        'BISHOP_ERR_RATE_LIMITED',
      );
    });

    it('throttles sign-up per address, EMAIL_TAKEN answers included, and tells when to retry', async () => {
      const clock = testClock();
      const service = harness.createService({
        clock: clock.now,
        loginLimits: { ...defaultLoginLimits, signUpsPerClient: { maxFailures: 3, windowMs: 60 * MINUTE } },
      });
      const clientIp = '192.0.2.150';
      const taken = uniqueEmail();
      await service.signUp({ email: taken, fullName: 'First Comer', password }, { clientIp });
      await rejectsWith(
        service.signUp({ email: taken, fullName: 'Prober', password }, { clientIp }),
        'BISHOP_ERR_EMAIL_TAKEN',
      );
      await rejectsWith(
        service.signUp({ email: uniqueEmail(), fullName: 'Prober', password: 'password' }, { clientIp }),
        'BISHOP_ERR_PASSWORD_COMMON',
      );
      await assert.rejects(service.signUp({ email: taken, fullName: 'Prober', password }, { clientIp }), {
        code: 'BISHOP_ERR_RATE_LIMITED',
        message: /^Too many sign-ups from your network; try again after \d\d:\d\d UTC \(in 60 minutes\)$/,
        details: {
          scope: 'signUp',
          retryAfterSeconds: 3600,
          retryAt: new Date(clock.now().getTime() + 60 * MINUTE).toISOString(),
        },
      });
      // Another address is not affected.
      await service.signUp({ email: uniqueEmail(), fullName: 'Neighbour', password }, { clientIp: '192.0.2.151' });
    });
  });
});
