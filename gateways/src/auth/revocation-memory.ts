import type { RevocationSignal } from '@bishop/domain';
import type { Credential } from './credentials.ts';

/** Keys remembered at most; past it the oldest are forgotten first. */
const MAX_REMEMBERED = 100_000;

/**
 * The revocations this process heard lately, so a credential that has just
 * been revoked is refused at once on every gateway — an access token would
 * otherwise live on until it expires, and an API token until the read models
 * catch up. Each is kept for `keepMs`, longer than an access token lives.
 */
export function createRevocationMemory(keepMs: number, clock: () => Date) {
  // Insertion order is expiry order (one keepMs for all), so forgetting starts at the front.
  const heard = new Map<string, { readonly signal: RevocationSignal; readonly until: number }>();

  function forgetOld(now: number): void {
    for (const [key, { until }] of heard) {
      if (until > now && heard.size <= MAX_REMEMBERED) break;
      heard.delete(key);
    }
  }

  return {
    remember(signal: RevocationSignal): void {
      const now = clock().getTime();
      for (const key of keysOf(signal)) {
        heard.delete(key);
        heard.set(key, { signal, until: now + keepMs });
      }
      forgetOld(now);
    },
    /** The signal that revoked this credential, if one was heard. */
    revocationOf(credential: Credential): RevocationSignal | undefined {
      forgetOld(clock().getTime());
      const own =
        credential.kind === 'apiToken' ? `token:${credential.tokenId}` : `session:${credential.sessionId ?? ''}`;
      return (heard.get(`account:${credential.userId}`) ?? heard.get(own))?.signal;
    },
  };
}

export type RevocationMemory = ReturnType<typeof createRevocationMemory>;

function keysOf(signal: RevocationSignal): string[] {
  switch (signal.kind) {
    case 'account':
      return [`account:${signal.userId}`];
    case 'session':
      return [`session:${signal.sessionId}`];
    case 'sessions':
      return signal.sessionIds.map((id) => `session:${id}`);
    case 'apiToken':
      return [`token:${signal.tokenId}`];
  }
}
