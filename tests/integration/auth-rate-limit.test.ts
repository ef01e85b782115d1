import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AuthService } from '@bishop/gateways/auth';
import { type AuthHarness, openAuthHarness, rejectsWith, testClient, testClock } from './auth-harness.ts';

const password = 'open sesame!';
const MINUTE = 60_000;

describe('auth: log-in rate limiting across gateway processes', () => {
  let harness: AuthHarness;
  before(async () => {
    harness = await openAuthHarness('throttle');
  });
  after(() => harness?.close());

  async function account(auth: AuthService): Promise<string> {
    const email = `limit.${randomUUID().slice(0, 8)}@example.org`;
    await auth.signUp({ email, fullName: 'Mallory Target', password }, testClient);
    return email;
  }

  it('refuses the 6th attempt on one email within 15 minutes, even with the right password, then lets it in', async () => {
    const clock = testClock();
    const [gatewayA, gatewayB] = [
      harness.createService({ clock: clock.now }),
      harness.createService({ clock: clock.now }),
    ];
    const email = await account(gatewayA);
    for (let attempt = 0; attempt < 5; attempt++) {
      const gateway = attempt % 2 ? gatewayB : gatewayA;
      // Every attempt from another address: only the per-email limit is in play.
      await rejectsWith(
        gateway.logIn({ email, password: 'guess', clientIp: `203.0.113.${attempt}` }),
        'BISHOP_ERR_WRONG_CREDENTIALS',
      );
    }
    // The owner is told when (a time, and how long) and how to get back in without waiting.
    const retryAt = new Date(clock.now().getTime() + 15 * MINUTE);
    const hhmm = retryAt.toISOString().slice(11, 16);
    await rejectsWith(
      gatewayA.logIn({ email, password, clientIp: '203.0.113.100' }),
      'BISHOP_ERR_RATE_LIMITED',
      `Too many login attempts; try again after ${hhmm} UTC (in 15 minutes). Forgot your password? Whoever runs this Bishop can give you a one-time reset link (bishop users reset-password <email>).`,
    );
    clock.advance(14 * MINUTE);
    await assert.rejects(gatewayB.logIn({ email: email.toUpperCase(), password, clientIp: '203.0.113.101' }), {
      code: 'BISHOP_ERR_RATE_LIMITED',
      message: new RegExp(
        `^Too many login attempts; try again after ${hhmm} UTC \\(in 1 minute\\)\\. Forgot your password\\?`,
      ),
      details: { retryAfterSeconds: 60, retryAt: retryAt.toISOString(), scope: 'login' },
    });
    clock.advance(MINUTE);
    const session = await gatewayB.logIn({ email, password, clientIp: '203.0.113.102' });
    assert.ok(session.accessToken);
  });

  it('starts the count for an email over after a successful log-in', async () => {
    const auth = harness.createService();
    const email = await account(auth);
    const attempt = (secret: string, n: number) => auth.logIn({ email, password: secret, clientIp: `198.51.100.${n}` });
    for (let n = 0; n < 4; n++) await rejectsWith(attempt('guess', n), 'BISHOP_ERR_WRONG_CREDENTIALS');
    await attempt(password, 10);
    for (let n = 0; n < 4; n++) await rejectsWith(attempt('guess', 20 + n), 'BISHOP_ERR_WRONG_CREDENTIALS');
    await attempt(password, 30);
  });

  it('refuses a client after 20 failures across many emails, and leaves other clients alone', async () => {
    const [gatewayA, gatewayB] = [harness.createService(), harness.createService()];
    const email = await account(gatewayA);
    const sprayer = '192.0.2.66';
    for (let n = 0; n < 20; n++) {
      const gateway = n % 2 ? gatewayB : gatewayA;
      await rejectsWith(
        gateway.logIn({ email: `victim${n}.${randomUUID()}@example.org`, password, clientIp: sprayer }),
        'BISHOP_ERR_WRONG_CREDENTIALS',
      );
    }
    await rejectsWith(gatewayA.logIn({ email, password, clientIp: sprayer }), 'BISHOP_ERR_RATE_LIMITED');
    await gatewayB.logIn({ email, password, clientIp: '192.0.2.67' });
  });

  it('counts an IPv6 /64 as one client, and an IPv4-mapped address as its IPv4 address', async () => {
    const auth = harness.createService({
      loginLimits: {
        perEmail: { maxFailures: 100, windowMs: 15 * MINUTE },
        perClient: { maxFailures: 2, windowMs: 15 * MINUTE },
        signUpsPerClient: { maxFailures: 100, windowMs: 60 * MINUTE },
      },
    });
    const email = await account(auth);
    const fail = (clientIp: string) =>
      rejectsWith(auth.logIn({ email, password: 'guess', clientIp }), 'BISHOP_ERR_WRONG_CREDENTIALS');
    const limited = (clientIp: string) =>
      rejectsWith(auth.logIn({ email, password, clientIp }), 'BISHOP_ERR_RATE_LIMITED');

    await fail('2001:db8:1:2::1');
    await fail('2001:0db8:0001:0002:ffff:0:0:9');
    await limited('2001:db8:1:2:abcd::1');
    await auth.logIn({ email, password, clientIp: '2001:db8:1:3::1' });

    await fail('::ffff:198.51.100.7');
    await fail('198.51.100.7');
    await limited('::ffff:c633:6407');
    await auth.logIn({ email, password, clientIp: '198.51.100.8' });
  });
});
