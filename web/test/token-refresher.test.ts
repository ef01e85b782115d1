import { describe, expect, it } from 'vitest';
import type { AccessToken } from '../src/lib/session/stored-session.ts';
import { createTokenRefresher, REFRESH_MARGIN_MS, SessionExpiredError } from '../src/lib/session/token-refresher.ts';

const token = (n: number, expiresAt: number): AccessToken => ({
  accessToken: `access-${n}`,
  accessTokenExpiresAt: expiresAt,
});

/**
 * One tab's memory, and a server that rotates the refresh cookie shared by every tab (a
 * refresh that overlaps another one would send a cookie already used, and end the
 * session), with a clock the test moves and a cross-tab lock the test can hold.
 */
function rig(initial: AccessToken | null, options: { signedIn?: boolean } = {}) {
  const now = 1_000_000;
  let gate: Promise<void> = Promise.resolve();
  let openGate = () => {};
  let held = initial;
  let signedIn = options.signedIn ?? true;
  let issued = 1;
  let cookie = 'refresh-1';
  const used = new Set<string>();
  let expiredCalls = 0;
  const refreshCalls: string[] = [];
  const refresher = createTokenRefresher({
    now: () => now,
    read: () => held,
    write: (next) => {
      held = next;
    },
    signedIn: () => signedIn,
    async refresh() {
      const sent = cookie;
      refreshCalls.push(sent);
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The server's rule: a refresh token works once; reuse ends the session.
      if (used.has(sent)) throw new SessionExpiredError('reused');
      used.add(sent);
      issued += 1;
      cookie = `refresh-${issued}`;
      return token(issued, now + 15 * 60_000);
    },
    expired: () => {
      expiredCalls += 1;
      signedIn = false;
    },
    async exclusive(work) {
      await gate;
      return work();
    },
  });
  return {
    refresher,
    refreshCalls,
    held: () => held,
    expiredCalls: () => expiredCalls,
    /** Another tab refreshed meanwhile: the shared cookie rotated. */
    otherTabRefreshed: () => {
      used.add(cookie);
      issued += 1;
      cookie = `refresh-${issued}`;
    },
    /** A cookie that was already used comes back (e.g. restored from a backup). */
    replayCookie: (value: string) => {
      cookie = value;
    },
    closeGate: () => {
      gate = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    openGate: () => openGate(),
  };
}

describe('token refresher', () => {
  it('hands out the token in memory while it has more than a minute left', async () => {
    const r = rig(token(1, 1_000_000 + 10 * 60_000));
    expect(await r.refresher.accessToken()).toBe('access-1');
    expect(r.refreshCalls).toEqual([]);
  });

  it('refreshes silently before the token expires, and keeps the new one in memory', async () => {
    const r = rig(token(1, 1_000_000 + REFRESH_MARGIN_MS - 1));
    expect(await r.refresher.accessToken()).toBe('access-2');
    expect(r.held()?.accessToken).toBe('access-2');
  });

  it('after a reload (no token in memory) refreshes with the cookie', async () => {
    const r = rig(null);
    expect(await r.refresher.accessToken()).toBe('access-2');
    expect(r.refreshCalls).toEqual(['refresh-1']);
  });

  it('refreshes once for many requests at the same moment (a second use would end the session)', async () => {
    const r = rig(token(1, 1_000_000));
    const tokens = await Promise.all([r.refresher.accessToken(), r.refresher.accessToken(), r.refresher.accessToken()]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(r.refreshCalls).toEqual(['refresh-1']);
  });

  it('waits for another tab to finish refreshing, then sends the cookie it rotated', async () => {
    const r = rig(null);
    // Another tab holds the lock and rotates the cookie while we wait for it.
    r.closeGate();
    const pending = r.refresher.accessToken();
    r.otherTabRefreshed();
    r.openGate();
    expect(await pending).toBe('access-3');
    expect(r.refreshCalls).toEqual(['refresh-2']);
  });

  it('renews a token the server refused early, but not one already replaced', async () => {
    const r = rig(token(1, 1_000_000 + 10 * 60_000));
    expect(await r.refresher.renew('access-1')).toBe('access-2');
    expect(await r.refresher.renew('access-1')).toBe('access-2');
    expect(r.refreshCalls).toEqual(['refresh-1']);
  });

  it('signs out when the server ends the session', async () => {
    const r = rig(token(1, 1_000_000));
    await r.refresher.accessToken();
    r.replayCookie('refresh-1');
    await expect(r.refresher.renew('access-2')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(r.held()).toBeNull();
    expect(r.expiredCalls()).toBe(1);
  });

  it('answers null, and never calls the server, when nobody is signed in', async () => {
    const r = rig(null, { signedIn: false });
    expect(await r.refresher.accessToken()).toBeNull();
    expect(await r.refresher.renew('access-1')).toBeNull();
    expect(r.refreshCalls).toEqual([]);
  });
});
