import { describe, expect, it } from 'vitest';
import type { StoredSession } from '../src/lib/session/stored-session.ts';
import { createTokenRefresher, REFRESH_MARGIN_MS, SessionExpiredError } from '../src/lib/session/token-refresher.ts';

const user = { id: 'u1', email: 'ada@example.org', fullName: 'Ada' };

function sessionNumber(n: number, expiresAt: number): StoredSession {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, accessTokenExpiresAt: expiresAt, user };
}

/** A browser's storage and a server that rotates refresh tokens, with a clock the test moves. */
function rig(initial: StoredSession | null) {
  const now = 1_000_000;
  // The cross-tab lock: work waits until the test opens the gate (open unless a test closes it).
  let gate: Promise<void> = Promise.resolve();
  let openGate = () => {};
  let stored = initial;
  let issued = 1;
  const used = new Set<string>();
  const refreshCalls: string[] = [];
  const refresher = createTokenRefresher({
    now: () => now,
    read: () => stored,
    write: (session) => {
      stored = session;
    },
    async refresh(refreshToken) {
      refreshCalls.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The server's rule: a refresh token works once; reuse ends the session.
      if (used.has(refreshToken)) throw new SessionExpiredError('reused');
      used.add(refreshToken);
      issued += 1;
      return sessionNumber(issued, now + 15 * 60_000);
    },
    async exclusive(work) {
      await gate;
      return work();
    },
  });
  return {
    refresher,
    refreshCalls,
    stored: () => stored,
    setStored: (session: StoredSession | null) => {
      stored = session;
    },
    closeGate: () => {
      gate = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    openGate: () => openGate(),
    now: () => now,
  };
}

describe('token refresher', () => {
  it('hands out the current token while it has more than a minute left', async () => {
    const r = rig(sessionNumber(1, 1_000_000 + 10 * 60_000));
    expect(await r.refresher.accessToken()).toBe('access-1');
    expect(r.refreshCalls).toEqual([]);
  });

  it('refreshes silently before the token expires, and stores the rotated tokens', async () => {
    const r = rig(sessionNumber(1, 1_000_000 + REFRESH_MARGIN_MS - 1));
    expect(await r.refresher.accessToken()).toBe('access-2');
    expect(r.stored()?.refreshToken).toBe('refresh-2');
  });

  it('refreshes once for many requests at the same moment (a second use would end the session)', async () => {
    const r = rig(sessionNumber(1, 1_000_000));
    const tokens = await Promise.all([r.refresher.accessToken(), r.refresher.accessToken(), r.refresher.accessToken()]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(r.refreshCalls).toEqual(['refresh-1']);
  });

  it('uses what another tab already rotated instead of refreshing again', async () => {
    const r = rig(sessionNumber(1, 1_000_000));
    // Another tab holds the lock and refreshes while we wait for it.
    r.closeGate();
    const pending = r.refresher.accessToken();
    r.setStored(sessionNumber(7, r.now() + 15 * 60_000));
    r.openGate();
    expect(await pending).toBe('access-7');
    expect(r.refreshCalls).toEqual([]);
  });

  it('renews a token the server refused early, but not one already replaced', async () => {
    const r = rig(sessionNumber(1, 1_000_000 + 10 * 60_000));
    expect(await r.refresher.renew('access-1')).toBe('access-2');
    expect(await r.refresher.renew('access-1')).toBe('access-2');
    expect(r.refreshCalls).toEqual(['refresh-1']);
  });

  it('signs out when the server ends the session', async () => {
    const r = rig(sessionNumber(1, 1_000_000));
    await r.refresher.accessToken();
    // Simulate a stale copy of the old refresh token coming back (e.g. restored from a backup).
    r.setStored(sessionNumber(1, r.now()));
    await expect(r.refresher.accessToken()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(r.stored()).toBeNull();
  });

  it('answers null when nobody is signed in', async () => {
    const r = rig(null);
    expect(await r.refresher.accessToken()).toBeNull();
  });
});
