import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BlobNotFoundError, type BlobStore, type KeyStore } from '@bishop/domain/ports';
import {
  createFsBlobStore,
  createPgliteSqlClient,
  createS3BlobStore,
  createSealedBlobStore,
  createSqlKeyStore,
  type SqlClient,
  sealLegacyBlobs,
} from '@bishop/infra';
import { readAll } from '../src/blob-bodies.ts';
import { uniquePrefix } from '../src/event-fixtures.ts';
import { startS3Server } from '../src/s3-server.ts';
import { temporaryDirectory } from '../src/test-env.ts';
import { blobStoreContract } from './blob-store.contract.ts';
import { testMasterKey } from './key-store.contract.ts';

/** A real key store on in-process PGlite: the sealing store asks it for each avatar's data key. */
async function openKeys(): Promise<{ keys: KeyStore; sql: SqlClient }> {
  const sql = await createPgliteSqlClient({});
  return { keys: await createSqlKeyStore(sql, { masterKey: testMasterKey }), sql };
}

// Every contract test runs under an avatar's prefix, where each blob is sealed with that avatar's key.
blobStoreContract('sealed (filesystem)', async () => {
  const dir = await temporaryDirectory('sealed-blobs');
  const { keys, sql } = await openKeys();
  const store = createSealedBlobStore(await createFsBlobStore({ root: dir.path }), keys);
  return {
    store,
    keyPrefix: `avatars/${randomUUID()}/`,
    async teardown() {
      await store.close();
      await sql.close();
      await dir.remove();
    },
  };
});

blobStoreContract('sealed (S3 over s3rver)', async () => {
  const server = await startS3Server();
  const { keys, sql } = await openKeys();
  const { endPoint, port, useSSL, accessKey, secretKey } = server;
  const inner = await createS3BlobStore({
    endPoint,
    port,
    useSSL,
    accessKey,
    secretKey,
    bucket: uniquePrefix('sealed'),
    partSize: 5 * 1024 * 1024,
    onCleanupFailure: () => {},
  });
  return {
    store: createSealedBlobStore(inner, keys),
    keyPrefix: `avatars/${randomUUID()}/`,
    async teardown() {
      await inner.close();
      await sql.close();
      await server.stop();
    },
  };
});

/** Every file's bytes under a directory, joined: what someone copying the disk would get. */
async function bytesUnder(root: string): Promise<Buffer> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
}

describe('sealed BlobStore', () => {
  let dir: { path: string; remove(): Promise<void> };
  let keys: KeyStore;
  let sql: SqlClient;
  let plain: BlobStore;
  let sealed: BlobStore;
  before(async () => {
    dir = await temporaryDirectory('sealed-only');
    ({ keys, sql } = await openKeys());
    plain = await createFsBlobStore({ root: dir.path });
    sealed = createSealedBlobStore(plain, keys);
  });
  after(async () => {
    await sql.close();
    await dir.remove();
  });

  const avatarKey = (avatarId: string, leaf: string) => `avatars/${avatarId}/materials/${randomUUID()}/${leaf}`;

  it('stores no plaintext, and no key can be read without the avatar key', async () => {
    const avatarId = randomUUID();
    const marker = `quasimodo${randomBytes(4).toString('hex')}`;
    const key = avatarKey(avatarId, 'text.txt');
    await sealed.put(key, Buffer.from(`${marker} `.repeat(50_000)), { contentType: 'text/plain; charset=utf-8' });
    assert.equal((await bytesUnder(dir.path)).includes(marker), false);
    assert.equal((await readAll((await sealed.get(key)).body)).toString().slice(0, marker.length), marker);
    await keys.destroyDataKey(`avatar-${avatarId}`);
    await assert.rejects(sealed.get(key), BlobNotFoundError);
    assert.equal(await sealed.stat(key), null);
  });

  it('serves ranges across chunk boundaries, reading only the chunks they need', async () => {
    const key = avatarKey(randomUUID(), 'original');
    const bytes = randomBytes(300_000);
    await sealed.put(key, bytes, { contentType: 'audio/ogg' });
    for (const [start, end] of [
      [0, 0],
      [65_535, 65_536],
      [100_000, 231_073],
      [196_608, 299_999],
      [299_999, 400_000],
    ] as const) {
      const read = await sealed.get(key, { range: { start, end } });
      assert.deepEqual(read.range, { start, end: Math.min(end, 299_999) });
      assert.deepEqual(await readAll(read.body), bytes.subarray(start, end + 1), `${start}-${end}`);
    }
    const tail = await sealed.get(key, { range: { start: 250_000 } });
    assert.deepEqual(await readAll(tail.body), bytes.subarray(250_000));
    await assert.rejects(sealed.get(key, { range: { start: 300_000 } }), RangeError);
  });

  it('refuses a tampered chunk instead of serving altered bytes', async () => {
    const key = avatarKey(randomUUID(), 'original');
    await sealed.put(key, randomBytes(100_000));
    const stored = await readAll((await plain.get(key)).body);
    stored[70_000] = (stored[70_000] ?? 0) ^ 1;
    const { contentType } = (await plain.stat(key)) as { contentType: string };
    await plain.put(key, stored, { contentType });
    await assert.rejects(readAll((await sealed.get(key)).body), /unable to authenticate|auth/i);
  });

  it('reads blobs an earlier version stored in plaintext, then seals them in place', async () => {
    const live = randomUUID();
    const gone = randomUUID();
    const legacy = avatarKey(live, 'text.txt');
    const leftover = avatarKey(gone, 'text.txt');
    const marker = `legacy${randomBytes(4).toString('hex')}`;
    await plain.put(legacy, Buffer.from(`old text ${marker}`), { contentType: 'text/plain; charset=utf-8' });
    await plain.put(leftover, Buffer.from(`deleted ${marker}`));
    await keys.obtainDataKey(`avatar-${live}`);
    await keys.destroyDataKey(`avatar-${gone}`);
    assert.equal((await readAll((await sealed.get(legacy)).body)).toString(), `old text ${marker}`);

    assert.equal(await sealLegacyBlobs(plain, sealed), 1);
    assert.equal((await bytesUnder(dir.path)).includes(marker), false, 'no plaintext is left');
    assert.equal(await plain.stat(leftover), null, "a deleted avatar's leftover is removed");
    assert.deepEqual(await sealed.stat(legacy), {
      size: `old text ${marker}`.length,
      contentType: 'text/plain; charset=utf-8',
    });
    assert.equal((await readAll((await sealed.get(legacy)).body)).toString(), `old text ${marker}`);
    assert.equal(await sealLegacyBlobs(plain, sealed), 0, 'sealing again is a no-op');
  });

  it('leaves blobs outside any avatar as they are', async () => {
    await sealed.put('readiness/probe', Buffer.from('ok'));
    assert.equal((await plain.stat('readiness/probe'))?.contentType, 'application/octet-stream');
  });
});
