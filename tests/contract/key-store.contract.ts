import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataKeyDestroyedError, type KeyStore } from '@bishop/domain/ports';
import { uniquePrefix } from '../src/event-fixtures.ts';

export interface KeyStoreHarness {
  readonly keys: KeyStore;
  /** A new instance on the same storage (a process restart). */
  reopen(): Promise<KeyStore>;
  /** Raw bytes of everything stored, to prove keys are not kept in the clear. */
  storedBytes(): Promise<Buffer>;
  teardown(): Promise<void>;
}

export const testMasterKey = randomBytes(32);

export function keyStoreContract(name: string, openHarness: () => Promise<KeyStoreHarness>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let harness: KeyStoreHarness;
    let keys: KeyStore;
    before(async () => {
      harness = await openHarness();
      keys = harness.keys;
    });
    after(async () => harness?.teardown());

    it('creates a 256-bit key on first use and returns the same key afterwards', async () => {
      const subject = `avatar-${uniquePrefix()}`;
      assert.equal(await keys.findDataKey(subject), null);
      const key = await keys.obtainDataKey(subject);
      assert.equal(key.length, 32);
      assert.deepEqual(await keys.obtainDataKey(subject), key);
      assert.deepEqual(await keys.findDataKey(subject), key);
    });

    it('gives every subject its own key', async () => {
      const a = await keys.obtainDataKey(`avatar-${uniquePrefix()}`);
      const b = await keys.obtainDataKey(`avatar-${uniquePrefix()}`);
      assert.notDeepEqual(a, b);
    });

    it('agrees on one key when many callers create it at once', async () => {
      const subject = `avatar-${uniquePrefix()}`;
      const results = await Promise.all(Array.from({ length: 10 }, () => keys.obtainDataKey(subject)));
      for (const key of results) assert.deepEqual(key, results[0]);
    });

    it('forgets a destroyed key for good, idempotently', async () => {
      const subject = `avatar-${uniquePrefix()}`;
      await keys.obtainDataKey(subject);
      await keys.destroyDataKey(subject);
      await keys.destroyDataKey(subject);
      assert.equal(await keys.findDataKey(subject), null);
      await assert.rejects(keys.obtainDataKey(subject), DataKeyDestroyedError);
    });

    it('refuses to create a key for a subject destroyed before it ever had one', async () => {
      const subject = `avatar-${uniquePrefix()}`;
      await keys.destroyDataKey(subject);
      await assert.rejects(keys.obtainDataKey(subject), DataKeyDestroyedError);
    });

    it('keeps keys across a restart and never stores them in the clear', async () => {
      const subject = `user-${uniquePrefix()}`;
      const key = await keys.obtainDataKey(subject);
      keys = await harness.reopen();
      assert.deepEqual(await keys.findDataKey(subject), key);
      const stored = await harness.storedBytes();
      assert.equal(stored.includes(Buffer.from(key)), false, 'raw key bytes must not appear in storage');
    });
  });
}
