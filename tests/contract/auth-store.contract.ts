import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AuthStore, NewRefreshToken } from '@bishop/gateways/auth';

export interface AuthStoreHarness {
  readonly store: AuthStore;
  /** A second instance on the same tables (another gateway process, or a restart): creating them again must be harmless. */
  openAnother(): Promise<AuthStore>;
  teardown(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const t0 = new Date('2026-11-24T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const tokenHash = () => randomBytes(32).toString('hex');
const key = () => `email:${tokenHash()}`;

function newToken(overrides: Partial<NewRefreshToken> = {}): NewRefreshToken {
  return {
    tokenHash: tokenHash(),
    familyId: randomUUID(),
    userId: randomUUID(),
    expiresAt: at(30 * DAY),
    ...overrides,
  };
}

export function authStoreContract(name: string, openHarness: () => Promise<AuthStoreHarness>): void {
  describe(`AuthStore contract: ${name}`, () => {
    let harness: AuthStoreHarness;
    let store: AuthStore;
    before(async () => {
      harness = await openHarness();
      store = harness.store;
    });
    after(async () => harness?.teardown());

    describe('refresh-token families', () => {
      it('rotates a current token once: its successor joins the family, the token itself is then reused', async () => {
        const first = newToken();
        await store.startRefreshFamily(first, t0);
        const second = { tokenHash: tokenHash(), expiresAt: at(31 * DAY) };
        assert.deepEqual(await store.rotateRefreshToken(first.tokenHash, second, at(DAY)), {
          outcome: 'rotated',
          userId: first.userId,
          familyId: first.familyId,
        });
        const third = { tokenHash: tokenHash(), expiresAt: at(32 * DAY) };
        assert.deepEqual(await store.rotateRefreshToken(first.tokenHash, third, at(2 * DAY)), {
          outcome: 'reused',
          userId: first.userId,
          familyId: first.familyId,
        });
        // Reporting reuse changes nothing by itself; the unused `third` was never stored.
        assert.equal((await store.rotateRefreshToken(third.tokenHash, newToken(), at(2 * DAY))).outcome, 'unknown');
        assert.equal((await store.rotateRefreshToken(second.tokenHash, newToken(), at(2 * DAY))).outcome, 'rotated');
      });

      it('lets exactly one of many concurrent rotations of the same token win, across processes', async () => {
        const another = await harness.openAnother();
        for (let round = 0; round < 5; round++) {
          const first = newToken();
          await store.startRefreshFamily(first, t0);
          const outcomes = await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              (i % 2 ? another : store).rotateRefreshToken(first.tokenHash, newToken(), at(MINUTE)),
            ),
          );
          const counts = Map.groupBy(outcomes, (rotation) => rotation.outcome);
          assert.equal(counts.get('rotated')?.length, 1);
          assert.equal(counts.get('reused')?.length, 9);
        }
      });

      it('refuses an expired token and an unknown one without changing anything', async () => {
        const first = newToken({ expiresAt: at(DAY) });
        await store.startRefreshFamily(first, t0);
        assert.deepEqual(await store.rotateRefreshToken(first.tokenHash, newToken(), at(DAY)), { outcome: 'expired' });
        assert.deepEqual(await store.rotateRefreshToken(tokenHash(), newToken(), t0), { outcome: 'unknown' });
        assert.equal((await store.rotateRefreshToken(first.tokenHash, newToken(), at(DAY - 1))).outcome, 'rotated');
      });

      it('revokes a whole family through any of its tokens, and only that family', async () => {
        const userId = randomUUID();
        const first = newToken({ userId });
        const other = newToken({ userId });
        await store.startRefreshFamily(first, t0);
        await store.startRefreshFamily(other, t0);
        const second = { tokenHash: tokenHash(), expiresAt: at(30 * DAY) };
        await store.rotateRefreshToken(first.tokenHash, second, at(MINUTE));

        const ended = { familyId: first.familyId, userId };
        assert.equal(await store.isRefreshFamilyActive(first.familyId, at(2 * MINUTE)), true);
        assert.deepEqual(await store.revokeRefreshFamilyOf(first.tokenHash, at(2 * MINUTE)), ended);
        assert.deepEqual(await store.revokeRefreshFamilyOf(second.tokenHash, at(3 * MINUTE)), ended, 'idempotent');
        assert.equal(await store.isRefreshFamilyActive(first.familyId, at(3 * MINUTE)), false);
        assert.equal(await store.isRefreshFamilyActive(other.familyId, at(3 * MINUTE)), true);
        assert.deepEqual(await store.rotateRefreshToken(second.tokenHash, newToken(), at(4 * MINUTE)), {
          outcome: 'revoked',
        });
        assert.equal((await store.rotateRefreshToken(other.tokenHash, newToken(), at(4 * MINUTE))).outcome, 'rotated');
        assert.equal(await store.revokeRefreshFamilyOf(tokenHash(), t0), null);
      });

      it('revokes every open family of one user at once, and says which', async () => {
        const userId = randomUUID();
        const [a, b, gone, stranger] = [newToken({ userId }), newToken({ userId }), newToken({ userId }), newToken()];
        for (const token of [a, b, gone, stranger]) await store.startRefreshFamily(token, t0);
        await store.revokeRefreshFamilyOf(gone.tokenHash, t0);
        const revoked = await store.revokeRefreshFamiliesOfUser(userId, at(MINUTE));
        assert.deepEqual(revoked.sort(), [a.familyId, b.familyId].sort());
        assert.equal(await store.isRefreshFamilyActive(a.familyId, at(MINUTE)), false);
        assert.equal(await store.isRefreshFamilyActive(stranger.familyId, at(MINUTE)), true);
        assert.deepEqual(await store.revokeRefreshFamiliesOfUser(userId, at(2 * MINUTE)), []);
      });

      it('can keep one family open while revoking the user’s others (a password change keeps its own session)', async () => {
        const userId = randomUUID();
        const [mine, other] = [newToken({ userId }), newToken({ userId })];
        for (const token of [mine, other]) await store.startRefreshFamily(token, t0);
        assert.deepEqual(await store.revokeRefreshFamiliesOfUser(userId, at(MINUTE), mine.familyId), [other.familyId]);
        assert.equal(await store.isRefreshFamilyActive(mine.familyId, at(MINUTE)), true);
        assert.equal(await store.isRefreshFamilyActive(other.familyId, at(MINUTE)), false);
      });

      it('calls a family inactive once its tokens have expired, or when it is unknown', async () => {
        const short = newToken({ expiresAt: at(DAY) });
        await store.startRefreshFamily(short, t0);
        assert.equal(await store.isRefreshFamilyActive(short.familyId, at(DAY)), false);
        assert.equal(await store.isRefreshFamilyActive(randomUUID(), t0), false);
      });
    });

    describe('password resets', () => {
      it('uses a token once, only before it expires, and lets a newer one void the older', async () => {
        const userId = randomUUID();
        const [older, newer] = [tokenHash(), tokenHash()];
        await store.savePasswordReset({ tokenHash: older, userId, expiresAt: at(HOUR) }, t0);
        assert.deepEqual(await store.findPasswordReset(older, at(MINUTE)), { userId });
        await store.savePasswordReset({ tokenHash: newer, userId, expiresAt: at(HOUR) }, at(MINUTE));
        assert.equal(await store.findPasswordReset(older, at(2 * MINUTE)), null, 'voided by the newer link');
        assert.equal(await store.consumePasswordReset(older, at(2 * MINUTE)), null);
        assert.equal(await store.consumePasswordReset(newer, at(HOUR)), null, 'expired');
        assert.deepEqual(await store.consumePasswordReset(newer, at(2 * MINUTE)), { userId });
        assert.equal(await store.consumePasswordReset(newer, at(3 * MINUTE)), null, 'used once');
      });

      it('lets exactly one of many concurrent uses of one token win', async () => {
        const reset = { tokenHash: tokenHash(), userId: randomUUID(), expiresAt: at(HOUR) };
        await store.savePasswordReset(reset, t0);
        const others = await Promise.all([harness.openAnother(), harness.openAnother()]);
        const uses = await Promise.all(
          [store, ...others, store].map((each) => each.consumePasswordReset(reset.tokenHash, at(MINUTE))),
        );
        assert.equal(uses.filter((use) => use !== null).length, 1);
      });
    });

    describe('API-token last use', () => {
      it('writes at most once per interval, and answers for many tokens at once', async () => {
        const [used, unused] = [randomUUID(), randomUUID()];
        await store.recordApiTokenUse(used, t0, MINUTE);
        await store.recordApiTokenUse(used, at(MINUTE - 1), MINUTE);
        assert.deepEqual(await store.findApiTokensLastUsed([used, unused]), new Map([[used, t0]]));
        await store.recordApiTokenUse(used, at(MINUTE), MINUTE);
        assert.deepEqual(await store.findApiTokensLastUsed([used]), new Map([[used, at(MINUTE)]]));
        assert.deepEqual(await store.findApiTokensLastUsed([]), new Map());
      });
    });

    describe('log-in failures', () => {
      it('counts failures in a window that opens at the first one and does not slide', async () => {
        const k = key();
        assert.deepEqual(await store.recordLoginFailure(k, t0, 15 * MINUTE), {
          failures: 1,
          windowEndsAt: at(15 * MINUTE),
        });
        assert.deepEqual(await store.recordLoginFailure(k, at(10 * MINUTE), 15 * MINUTE), {
          failures: 2,
          windowEndsAt: at(15 * MINUTE),
        });
        assert.deepEqual(
          await store.findLoginFailures([k, key()], at(14 * MINUTE)),
          new Map([[k, { failures: 2, windowEndsAt: at(15 * MINUTE) }]]),
        );
        assert.deepEqual(
          await store.findLoginFailures([k], at(15 * MINUTE)),
          new Map(),
          'a closed window counts nothing',
        );
        assert.deepEqual(await store.recordLoginFailure(k, at(16 * MINUTE), 15 * MINUTE), {
          failures: 1,
          windowEndsAt: at(31 * MINUTE),
        });
      });

      it('loses no count when many processes record at once', async () => {
        const k = key();
        const another = await harness.openAnother();
        await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? another : store).recordLoginFailure(k, t0, MINUTE)),
        );
        assert.equal((await store.findLoginFailures([k], t0)).get(k)?.failures, 10);
      });

      it('clears one key and leaves the others', async () => {
        const [cleared, kept] = [key(), key()];
        await store.recordLoginFailure(cleared, t0, MINUTE);
        await store.recordLoginFailure(kept, t0, MINUTE);
        await store.clearLoginFailures(cleared);
        assert.deepEqual([...(await store.findLoginFailures([cleared, kept], t0)).keys()], [kept]);
      });
    });

    it('prunes expired tokens, emptied families and closed windows, and keeps the rest', async () => {
      const expiring = newToken({ expiresAt: at(DAY) });
      const lasting = newToken({ expiresAt: at(60 * DAY) });
      const [closed, open] = [key(), key()];
      await store.startRefreshFamily(expiring, t0);
      await store.startRefreshFamily(lasting, t0);
      await store.recordLoginFailure(closed, t0, MINUTE);
      await store.recordLoginFailure(open, at(DAY), 60 * MINUTE);

      await store.pruneExpired(at(DAY));

      assert.deepEqual(await store.rotateRefreshToken(expiring.tokenHash, newToken(), t0), { outcome: 'unknown' });
      assert.equal(await store.revokeRefreshFamilyOf(expiring.tokenHash, t0), null);
      assert.equal((await store.rotateRefreshToken(lasting.tokenHash, newToken(), t0)).outcome, 'rotated');
      // Read at t0, so only a deleted row can be missing.
      assert.deepEqual([...(await store.findLoginFailures([closed, open], t0)).keys()], [open]);
    });

    it('keeps its data when the tables are opened again', async () => {
      const first = newToken();
      await store.startRefreshFamily(first, t0);
      const again = await harness.openAnother();
      assert.equal((await again.rotateRefreshToken(first.tokenHash, newToken(), t0)).outcome, 'rotated');
    });
  });
}
