import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { runBishop } from '../src/bishop-process.ts';
import {
  type DistributedEnvironment,
  distributedEnvironment,
  startRoles,
  stopRoles,
} from '../src/distributed-stack.ts';
import {
  expectCutOff,
  expectRefusedReconnect,
  revocationApi,
  revocationDeadlineMs,
  watchAvatars,
} from '../src/revocation-probe.ts';
import type { RoleProcess } from '../src/role-process.ts';

/** Gateway B mints access tokens that live this long: its sockets must close when they expire. */
const SHORT_TTL_SECONDS = 6;

/**
 * Revocation reaches open sockets on every gateway process within 2 s: two
 * gateways and a projector as OS processes on PostgreSQL, with NATS and with
 * the embedded bus (NOTIFY). Sockets are opened on one gateway; log-out,
 * refresh reuse, API-token revocation, account deletion and a password reset
 * happen on the other; access-token expiry is measured on gateway B's tokens.
 */
for (const bus of ['nats', 'embedded'] as const) {
  describe(`revocation closes sockets on every gateway (PostgreSQL + ${bus === 'nats' ? 'NATS' : 'the embedded bus'})`, () => {
    let environment: DistributedEnvironment;
    const roles: Record<string, RoleProcess> = {};
    const timings: Record<string, number> = {};

    before(async () => {
      environment = await distributedEnvironment('revoke', { bus });
      // Into `roles` as each starts, so `after` stops them even when another role failed to come up.
      await startRoles(environment, [{ name: 'gateway-a', args: ['gateway'] }], roles);
      await Promise.all([
        startRoles(
          environment,
          [{ name: 'gateway-b', args: ['gateway'], env: { BISHOP_ACCESS_TOKEN_TTL: String(SHORT_TTL_SECONDS) } }],
          roles,
        ),
        startRoles(environment, [{ name: 'projector', args: ['projector'] }], roles),
      ]);
    });
    after(async () => {
      console.log(`revocation (${bus} bus): socket closed after ${JSON.stringify(timings)} ms`);
      await stopRoles(roles);
      await environment?.teardown();
    });

    const url = (name: string) => (roles[name] as RoleProcess).url;
    const account = async () => {
      const onA = revocationApi(url('gateway-a'));
      const email = `revoke.${randomUUID().slice(0, 8)}@example.org`;
      const owner = await onA.signUp(email);
      const avatarId = await onA.createAvatar(owner.accessToken, 'Watched');
      return { onA, onB: revocationApi(url('gateway-b')), email, owner, avatarId };
    };

    it('log-out on gateway A closes the session’s socket on gateway B', async () => {
      const { onA, email, owner, avatarId } = await account();
      const victim = await onA.logIn(email);
      const socket = watchAvatars(url('gateway-b'), victim.accessToken);
      timings.logOut = await expectCutOff({
        api: onA,
        socket,
        avatarId,
        writerToken: owner.accessToken,
        writerAfter: owner.accessToken,
        revoke: () => onA.logOut(victim.refreshToken),
        code: 4403,
        reason: /session has ended/,
      });
      await expectRefusedReconnect(url('gateway-b'), victim.accessToken);
    });

    it('a reused refresh token ends the family: its socket on gateway A closes', async () => {
      const { onA, onB, email, owner, avatarId } = await account();
      const victim = await onB.logIn(email);
      const socket = watchAvatars(url('gateway-a'), victim.accessToken);
      timings.refreshReused = await expectCutOff({
        api: onA,
        socket,
        avatarId,
        writerToken: owner.accessToken,
        writerAfter: owner.accessToken,
        revoke: async () => {
          assert.ok((await onB.refresh(victim.refreshToken)).data, 'the first refresh works');
          const reuse = await onB.refresh(victim.refreshToken);
          assert.equal(reuse.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
        },
        code: 4403,
        reason: /refresh token was used twice/,
      });
    });

    it('revoking an API token on gateway A closes its socket on gateway B', async () => {
      const { onA, onB, owner, avatarId } = await account();
      const token = await onA.issueApiToken(owner.accessToken, 'integration');
      await onB.untilAccepted(token.secret);
      const socket = watchAvatars(url('gateway-b'), token.secret);
      timings.revokeApiToken = await expectCutOff({
        api: onA,
        socket,
        avatarId,
        writerToken: owner.accessToken,
        writerAfter: owner.accessToken,
        revoke: () => onA.revokeApiToken(owner.accessToken, token.id),
        code: 4403,
        reason: /API token was revoked/,
      });
      await expectRefusedReconnect(url('gateway-b'), token.secret);
    });

    it('deleting the account closes every socket of it, sessions and API tokens alike', async () => {
      const { onA, onB, email, owner, avatarId } = await account();
      const token = await onA.issueApiToken(owner.accessToken, 'integration');
      await onB.untilAccepted(token.secret);
      const viaToken = watchAvatars(url('gateway-b'), token.secret);
      const other = await onA.logIn(email);
      const viaSession = watchAvatars(url('gateway-b'), other.accessToken);
      await onA.rename(owner.accessToken, avatarId, 'both listening');
      await Promise.all([viaToken.untilName('both listening'), viaSession.untilName('both listening')]);
      await onA.deleteAccount(owner.accessToken);
      const deletedAt = Date.now();
      for (const socket of [viaToken, viaSession]) {
        const closed = await socket.closed;
        assert.equal(closed.code, 4403);
        assert.match(closed.reason, /account was deleted/);
        assert.ok(
          closed.at - deletedAt <= revocationDeadlineMs,
          `closed ${closed.at - deletedAt} ms after the deletion`,
        );
        timings.deleteAccount = Math.max(timings.deleteAccount ?? -Infinity, closed.at - deletedAt);
        await socket.dispose();
      }
    });

    it('an operator’s password reset (CLI link, used on gateway A) closes the account’s sockets on gateway B', async () => {
      const { onA, email, owner, avatarId } = await account();
      const victim = await onA.logIn(email);
      const socket = watchAvatars(url('gateway-b'), victim.accessToken);
      const printed = await runBishop(['users', 'reset-password', email], environment.env);
      assert.equal(printed.code, 0, printed.stderr);
      assert.match(printed.stdout, /\/reset-password#token=bishop_prt_/);
      const token = /#token=(bishop_prt_[A-Za-z0-9_-]{43})/.exec(printed.stdout)?.[1];
      timings.passwordReset = await expectCutOff({
        api: onA,
        socket,
        avatarId,
        writerToken: owner.accessToken,
        revoke: async () => {
          const reset = await onA.gql(
            'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
            {
              t: token,
              p: 'a fresh start 2025',
            },
          );
          assert.equal(reset.data?.resetPassword, true, JSON.stringify(reset.errors));
        },
        code: 4403,
        reason: /password was reset/,
      });
      await onA.logIn(email, 'a fresh start 2025');
    });

    it('an access token’s expiry closes its socket on the other gateway', async () => {
      const { onA, onB, email, owner, avatarId } = await account();
      const shortLived = await onB.logIn(email);
      const expiresAt = new Date(shortLived.accessTokenExpiresAt).getTime();
      assert.ok(expiresAt - Date.now() <= SHORT_TTL_SECONDS * 1000, 'gateway B mints short-lived tokens');
      const socket = watchAvatars(url('gateway-a'), shortLived.accessToken);
      await onA.rename(owner.accessToken, avatarId, 'still fresh');
      await socket.untilName('still fresh');
      const closed = await socket.closed;
      assert.equal(closed.code, 4401, closed.reason);
      assert.match(closed.reason, /expired/);
      // JWT times are whole seconds: the socket may close up to 1 s before the instant the API reported.
      assert.ok(closed.at >= expiresAt - 1000, `closed ${expiresAt - closed.at} ms before expiry`);
      assert.ok(closed.at - expiresAt <= revocationDeadlineMs, `closed ${closed.at - expiresAt} ms after expiry`);
      timings.expiry = Math.max(0, closed.at - expiresAt);
      await socket.dispose();
    });
  });
}
