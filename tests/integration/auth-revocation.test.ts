import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { after, before, describe, it } from 'node:test';
import type { RevocationSignal } from '@bishop/domain';
import { createSocketRegistry } from '@bishop/gateways';
import { type AuthService, defaultLoginLimits } from '@bishop/gateways/auth';
import {
  type AuthHarness,
  openAuthHarness,
  rejectsWith,
  sessionCredential,
  testClient,
  testClock,
} from './auth-harness.ts';

const password = 'amber lighthouse 77';
const uniqueEmail = () => `rev.${randomUUID().slice(0, 8)}@example.org`;

/** Two gateway processes whose announcements reach each other, as the bus does. */
function twoGateways(harness: AuthHarness, clock = testClock()) {
  const announced: RevocationSignal[] = [];
  const gateways: AuthService[] = [];
  const announce = (signal: RevocationSignal) => {
    announced.push(signal);
    for (const gateway of gateways) gateway.heard(signal);
  };
  gateways.push(
    harness.createService({ clock: clock.now, announceRevocation: announce }),
    harness.createService({ clock: clock.now, announceRevocation: announce }),
  );
  return { a: gateways[0] as AuthService, b: gateways[1] as AuthService, announced, clock };
}

class FakeSocket extends EventEmitter {
  closed: { code: number; reason: string } | null = null;
  close(code: number, reason: string) {
    this.closed = { code, reason };
    this.emit('close');
  }
}

describe('auth: revocation reaches every gateway process at once', () => {
  let harness: AuthHarness;
  before(async () => {
    harness = await openAuthHarness('revocation');
  });
  after(() => harness?.close());

  it('log-out ends that session on every process, and only that one', async () => {
    const { a, b, announced } = twoGateways(harness);
    const email = uniqueEmail();
    const first = await a.signUp({ email, fullName: 'Rosalind Franklin', password }, testClient);
    const second = await b.logIn({ email, password, clientIp: '192.0.2.1' });
    await a.logOut(first.refreshToken);
    assert.deepEqual(announced, [
      { kind: 'session', userId: first.userId, sessionId: first.sessionId, reason: 'loggedOut' },
    ]);
    for (const gateway of [a, b]) {
      await rejectsWith(
        gateway.authenticate(`Bearer ${first.accessToken}`),
        'BISHOP_ERR_UNAUTHENTICATED',
        'The session has ended; please log in again',
      );
      assert.equal((await gateway.authenticateCredential(`Bearer ${second.accessToken}`))?.userId, first.userId);
    }
  });

  it('refuses a socket on a session the store says has ended, even on a process that heard nothing', async () => {
    const { a } = twoGateways(harness);
    const deaf = harness.createService();
    const session = await a.signUp({ email: uniqueEmail(), fullName: 'Lise Meitner', password }, testClient);
    await a.logOut(session.refreshToken);
    // An HTTP request is checked against the token (and what this process heard) only …
    assert.ok(await deaf.authenticateCredential(`Bearer ${session.accessToken}`));
    // … but a socket, which lives long, against the store too.
    await rejectsWith(
      deaf.authenticateCredential(`Bearer ${session.accessToken}`, { confirmSession: true }),
      'BISHOP_ERR_UNAUTHENTICATED',
    );
  });

  it('a reused refresh token ends its family everywhere, with its own reason', async () => {
    const { a, b, announced } = twoGateways(harness);
    const session = await a.signUp({ email: uniqueEmail(), fullName: 'Emmy Noether', password }, testClient);
    const rotated = await a.refresh(session.refreshToken);
    await rejectsWith(b.refresh(session.refreshToken), 'BISHOP_ERR_UNAUTHENTICATED');
    assert.deepEqual(announced.at(-1), {
      kind: 'session',
      userId: session.userId,
      sessionId: session.sessionId,
      reason: 'refreshReused',
    });
    assert.equal(rotated.sessionId, session.sessionId, 'a refresh stays in its session');
    await rejectsWith(
      a.authenticate(`Bearer ${rotated.accessToken}`),
      'BISHOP_ERR_UNAUTHENTICATED',
      'The session was ended for your safety (a refresh token was used twice); please log in again',
    );
  });

  it('a revoked API token and a deleted account stop everything they cover', async () => {
    const { a, b, announced } = twoGateways(harness);
    const email = uniqueEmail();
    const session = await a.signUp({ email, fullName: 'Chien-Shiung Wu', password }, testClient);
    const other = await a.logIn({ email, password, clientIp: '192.0.2.2' });
    const { tokenId, secret } = await a.issueApiToken(sessionCredential(session), { name: 'Reporting' });
    const { secret: kept } = await a.issueApiToken(sessionCredential(session), { name: 'Kept' });
    await b.revokeApiToken(sessionCredential(other), tokenId);
    assert.deepEqual(announced.at(-1), { kind: 'apiToken', userId: session.userId, tokenId });
    await rejectsWith(a.authenticate(`Bearer ${secret}`), 'BISHOP_ERR_UNAUTHENTICATED');
    assert.ok(await a.authenticate(`Bearer ${kept}`));

    await a.deleteAccount(sessionCredential(session), password, testClient);
    assert.deepEqual(announced.at(-1), { kind: 'account', userId: session.userId });
    for (const credential of [session.accessToken, other.accessToken, kept]) {
      await rejectsWith(b.authenticate(`Bearer ${credential}`), 'BISHOP_ERR_UNAUTHENTICATED');
    }
    await rejectsWith(b.refresh(other.refreshToken), 'BISHOP_ERR_UNAUTHENTICATED');
  });

  it('closes exactly the sockets that rode on a revoked credential (4403), and expired ones (4401)', async () => {
    const clock = testClock();
    const sockets = createSocketRegistry(clock.now);
    const userId = randomUUID();
    const session = (sessionId: string) =>
      ({ kind: 'session', userId, sessionId, expiresAt: new Date(clock.now().getTime() + 60_000) }) as const;
    const [onFirst, onSecond, onToken, stranger] = [
      new FakeSocket(),
      new FakeSocket(),
      new FakeSocket(),
      new FakeSocket(),
    ];
    const first = randomUUID();
    sockets.track(onFirst, session(first));
    sockets.track(onSecond, session(randomUUID()));
    sockets.track(onToken, { kind: 'apiToken', userId, tokenId: 't-1' });
    sockets.track(stranger, { kind: 'session', userId: randomUUID(), sessionId: first, expiresAt: clock.now() });
    assert.deepEqual(stranger.closed?.code, 4401, 'an already expired token closes at once');

    assert.equal(sockets.revoke({ kind: 'session', userId, sessionId: first, reason: 'loggedOut' }), 1);
    assert.deepEqual(onFirst.closed, { code: 4403, reason: 'The session has ended; please log in again' });
    assert.equal(onSecond.closed, null);
    assert.equal(sockets.revoke({ kind: 'apiToken', userId, tokenId: 't-1' }), 1);
    assert.deepEqual(onToken.closed, { code: 4403, reason: 'The API token was revoked' });
    assert.equal(sockets.revoke({ kind: 'account', userId }), 1);
    assert.equal((onSecond.closed as { code: number } | null)?.code, 4403);
    assert.equal(sockets.size, 0);
  });

  it('closes a socket when its access token expires', async () => {
    const sockets = createSocketRegistry();
    const socket = new FakeSocket();
    sockets.track(socket, {
      kind: 'session',
      userId: randomUUID(),
      sessionId: randomUUID(),
      expiresAt: new Date(Date.now() + 150),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(socket.closed, { code: 4401, reason: 'The access token expired; refresh it and reconnect' });
  });
});

describe('auth: operator password reset', () => {
  let harness: AuthHarness;
  before(async () => {
    harness = await openAuthHarness('reset');
  });
  after(() => harness?.close());

  it('sets a new password once, lifts the lockout and ends every session of the account', async () => {
    const { a, b, announced } = twoGateways(harness);
    const email = uniqueEmail();
    const session = await a.signUp({ email, fullName: 'Ada Locked-Out', password }, testClient);
    const other = await a.logIn({ email, password, clientIp: '192.0.2.3' });
    for (let n = 0; n < defaultLoginLimits.perEmail.maxFailures; n++) {
      await rejectsWith(
        a.logIn({ email, password: `guess ${n}`, clientIp: `198.51.100.${n}` }),
        'BISHOP_ERR_WRONG_CREDENTIALS',
      );
    }
    await rejectsWith(a.logIn({ email, password, clientIp: '198.51.100.50' }), 'BISHOP_ERR_RATE_LIMITED');

    const { token } = await a.startPasswordReset(email.toUpperCase());
    assert.match(token, /^bishop_prt_[A-Za-z0-9_-]{43}$/);
    // A refused new password does not spend the link.
    await rejectsWith(b.completePasswordReset(token, 'password1'), 'BISHOP_ERR_PASSWORD_COMMON');
    await b.completePasswordReset(token, 'a brand new secret 9');
    await rejectsWith(
      b.completePasswordReset(token, 'another new secret 10'),
      'BISHOP_ERR_RESET_LINK_INVALID',
      'This reset link is not valid: it was used already, has expired, or a newer one was made. Ask whoever runs this Bishop for a new one',
    );

    const last = announced.at(-1);
    assert.ok(last?.kind === 'sessions' && last.reason === 'passwordReset' && last.userId === session.userId);
    const ended = last.sessionIds;
    assert.deepEqual([...ended].sort(), [session.sessionId, other.sessionId].sort());
    for (const gateway of [a, b]) {
      await rejectsWith(gateway.authenticate(`Bearer ${other.accessToken}`), 'BISHOP_ERR_UNAUTHENTICATED');
    }
    await rejectsWith(a.refresh(session.refreshToken), 'BISHOP_ERR_UNAUTHENTICATED');
    await rejectsWith(a.logIn({ email, password, clientIp: '198.51.100.51' }), 'BISHOP_ERR_WRONG_CREDENTIALS');
    const fresh = await a.logIn({ email, password: 'a brand new secret 9', clientIp: '198.51.100.52' });
    assert.ok(await b.authenticate(`Bearer ${fresh.accessToken}`), 'a session after the reset works');
  });

  it('refuses unknown emails, malformed, expired and superseded links', async () => {
    const clock = testClock();
    const { a } = twoGateways(harness, clock);
    const email = uniqueEmail();
    await a.signUp({ email, fullName: 'Someone Else', password }, testClient);
    await rejectsWith(a.startPasswordReset(uniqueEmail()), 'BISHOP_ERR_NOT_FOUND');
    await rejectsWith(
      a.completePasswordReset('bishop_prt_short', 'a brand new secret 9'),
      'BISHOP_ERR_RESET_LINK_INVALID',
    );
    const older = await a.startPasswordReset(email);
    const newer = await a.startPasswordReset(email);
    await rejectsWith(a.completePasswordReset(older.token, 'a brand new secret 9'), 'BISHOP_ERR_RESET_LINK_INVALID');
    clock.advance(3601_000);
    await rejectsWith(a.completePasswordReset(newer.token, 'a brand new secret 9'), 'BISHOP_ERR_RESET_LINK_INVALID');
  });
});
