import { DataKeyDestroyedError, type KeyStore } from '@bishop/domain/ports';
import type { ColumnSealer } from '@bishop/projections';
import { openBytes, sealBytes } from './aes-gcm.ts';

const MARKER = 'bishop-sealed:1:';
/** Opened values are kept as long as the caching key store keeps a key: a shredded one is gone as soon. */
const OPENED_TTL_MS = 30_000;
const OPENED_MAX = 50_000;

/** The associated data binds a sealed value to its subject and to read models (not an event's field). */
const associatedData = (subject: string) => `read-model\n${subject}`;

/**
 * Seals read-model values with the data key of their subject (the key store's,
 * shared with events and blobs): `bishop-sealed:1:<subject>:<base64 nonce‖ciphertext‖tag>`.
 * AES-256-GCM with a random 96-bit nonce per value, so equal values never look alike.
 */
export function createColumnSealer(keys: KeyStore): ColumnSealer {
  // Keys (or their absence: shredded) looked up ahead of a transaction, held only while it runs
  // (see ColumnSealer.prepare); `holders` counts the transactions that prepared each.
  const prepared = new Map<string, { key: Uint8Array | null; holders: number }>();
  const preparedKey = (subject: string) => prepared.get(subject);

  async function keyToSeal(subject: string): Promise<Uint8Array | null> {
    const hit = preparedKey(subject);
    if (hit) return hit.key;
    try {
      return await keys.obtainDataKey(subject);
    } catch (error) {
      if (error instanceof DataKeyDestroyedError) return null;
      throw error;
    }
  }

  const opened = new Map<string, { json: string; until: number }>();
  const subjectOf = (value: string) => {
    const rest = value.slice(MARKER.length);
    const colon = rest.indexOf(':');
    return colon > 0 ? { subject: rest.slice(0, colon), sealed: rest.slice(colon + 1) } : null;
  };
  const keyToOpen = async (subject: string) => preparedKey(subject)?.key ?? (await keys.findDataKey(subject));
  /** A cached opening stands only while the key does (the caching key store forgets a shredded one). */
  const keyStillThere = async (value: string) => {
    const parsed = subjectOf(value);
    return parsed !== null && (await keyToOpen(parsed.subject)) !== null;
  };
  async function openSealed(value: string): Promise<string | null> {
    const parsed = subjectOf(value);
    if (!parsed) return null;
    const key = await keyToOpen(parsed.subject);
    if (!key) return null;
    return openBytes(key, Buffer.from(parsed.sealed, 'base64'), associatedData(parsed.subject)).toString('utf8');
  }

  return {
    marker: MARKER,
    isSealed: (value) => value.startsWith(MARKER),
    async seal(subject, json) {
      const key = await keyToSeal(subject);
      if (!key) return null;
      const sealed = sealBytes(key, Buffer.from(json, 'utf8'), associatedData(subject));
      return `${MARKER}${subject}:${sealed.toString('base64')}`;
    },
    async open(value) {
      // Every read of a list opens the same values again: decrypting each time would cost a third of a query.
      const hit = opened.get(value);
      if (hit && hit.until > Date.now() && (await keyStillThere(value))) return hit.json;
      const json = await openSealed(value);
      if (json !== null) {
        if (opened.size >= OPENED_MAX) opened.clear();
        opened.set(value, { json, until: Date.now() + OPENED_TTL_MS });
      }
      return json;
    },
    async prepare(subjects) {
      const held = [...new Set(subjects)];
      const found = await Promise.all(held.map((subject) => keys.findDataKey(subject)));
      for (const [index, subject] of held.entries()) {
        const entry = prepared.get(subject);
        prepared.set(subject, { key: found[index] ?? null, holders: (entry?.holders ?? 0) + 1 });
      }
      return () => {
        for (const subject of held) {
          const entry = prepared.get(subject);
          if (entry && --entry.holders <= 0) prepared.delete(subject);
        }
      };
    },
  };
}
