import type { KeyStore } from '@bishop/domain/ports';

/**
 * Keeps recently used data keys in memory: every event read or written needs
 * one, and a round trip per event would dominate. A key destroyed by another
 * process is forgotten here within `ttlMs`; destroyed through this instance,
 * at once.
 */
export function createCachingKeyStore(inner: KeyStore, ttlMs = 30_000): KeyStore {
  const cache = new Map<string, { key: Uint8Array; expiresAt: number }>();
  const remember = (subject: string, key: Uint8Array) => {
    if (cache.size > 10_000) cache.clear();
    cache.set(subject, { key, expiresAt: Date.now() + ttlMs });
    return key;
  };
  const cached = (subject: string) => {
    const hit = cache.get(subject);
    if (hit && hit.expiresAt > Date.now()) return hit.key;
    cache.delete(subject);
    return undefined;
  };
  // A batch of events of one subject asks for its key many times at once: one lookup serves them all.
  const inFlight = new Map<string, Promise<Uint8Array | null>>();
  const once = (subject: string, lookup: () => Promise<Uint8Array | null>) => {
    let pending = inFlight.get(subject);
    if (!pending) {
      pending = lookup().finally(() => inFlight.delete(subject));
      inFlight.set(subject, pending);
    }
    return pending;
  };
  return {
    async obtainDataKey(subject) {
      const hit = cached(subject);
      if (hit) return hit;
      return remember(subject, await inner.obtainDataKey(subject));
    },
    async findDataKey(subject) {
      const hit = cached(subject);
      if (hit) return hit;
      const key = await once(subject, () => inner.findDataKey(subject));
      return key ? remember(subject, key) : null;
    },
    async destroyDataKey(subject) {
      cache.delete(subject);
      await inner.destroyDataKey(subject);
    },
    close: () => inner.close(),
  };
}
