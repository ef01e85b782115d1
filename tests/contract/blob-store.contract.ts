import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BlobNotFoundError, type BlobStore, BlobTooLargeError, InvalidBlobKeyError } from '@bishop/domain/ports';
import { failingBody, generatedBody, readAll, sha256Of, streamOf } from '../src/blob-bodies.ts';
import { uniquePrefix as newPrefix } from '../src/event-fixtures.ts';

export interface BlobStoreHarness {
  readonly store: BlobStore;
  /** Put before every test's own prefix (e.g. `avatars/<id>/`, where the sealing store encrypts). */
  readonly keyPrefix?: string;
  teardown(): Promise<void>;
}

const MIB = 1024 * 1024;

/**
 * The one contract every BlobStore adapter passes. Each test works under its
 * own prefix, so the store may be shared. Streamed bodies of several MiB take
 * the S3 adapter's multipart path (its harness uses 5 MiB parts).
 */
export function blobStoreContract(name: string, openHarness: () => Promise<BlobStoreHarness>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let harness: BlobStoreHarness;
    let store: BlobStore;
    before(async () => {
      harness = await openHarness();
      store = harness.store;
    });
    const uniquePrefix = () => `${harness.keyPrefix ?? ''}${newPrefix()}`;
    after(async () => harness?.teardown());

    async function read(key: string, range?: { start: number; end?: number }): Promise<Buffer> {
      const { body } = await store.get(key, range ? { range } : {});
      return readAll(body);
    }

    async function listed(prefix: string): Promise<{ key: string; size: number }[]> {
      const items: { key: string; size: number }[] = [];
      for await (const item of store.list(prefix)) items.push({ key: item.key, size: item.size });
      return items.sort((a, b) => a.key.localeCompare(b.key));
    }

    async function assertNothingStored(prefix: string, key: string): Promise<void> {
      assert.equal(await store.stat(key), null);
      assert.deepEqual(await listed(prefix), []);
      await assert.rejects(store.get(key), BlobNotFoundError);
    }

    describe('put and get', () => {
      it('round-trips binary data with its size, SHA-256 and content type', async () => {
        const key = `${uniquePrefix()}/original`;
        const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(10_000)]);
        const stored = await store.put(key, bytes, { contentType: 'audio/ogg' });
        assert.deepEqual(stored, { key, size: bytes.length, sha256: sha256Of(bytes), contentType: 'audio/ogg' });
        const read = await store.get(key);
        assert.equal(read.size, bytes.length);
        assert.equal(read.contentType, 'audio/ogg');
        assert.equal(read.range, undefined);
        assert.deepEqual(await readAll(read.body), bytes);
        assert.deepEqual(await store.stat(key), { size: bytes.length, contentType: 'audio/ogg' });
      });

      it('streams a 20 MiB body in and back out', async () => {
        const key = `${uniquePrefix()}/lecture.mp4`;
        const body = generatedBody(20 * MIB);
        const stored = await store.put(key, body.chunks, { contentType: 'video/mp4' });
        assert.equal(stored.size, 20 * MIB);
        assert.equal(stored.sha256, body.sha256());
        const read = await store.get(key);
        assert.equal(read.size, 20 * MIB);
        assert.equal(read.contentType, 'video/mp4');
        assert.equal(sha256Of(await readAll(read.body)), body.sha256());
      });

      it('stores an empty blob and defaults the content type', async () => {
        const key = `${uniquePrefix()}/empty`;
        const stored = await store.put(key, new Uint8Array(0));
        assert.equal(stored.size, 0);
        assert.equal(stored.sha256, sha256Of(Buffer.alloc(0)));
        assert.equal(stored.contentType, 'application/octet-stream');
        assert.deepEqual(await store.stat(key), { size: 0, contentType: 'application/octet-stream' });
        assert.equal((await read(key)).length, 0);
      });

      it('keeps a content type with parameters', async () => {
        const key = `${uniquePrefix()}/text`;
        await store.put(key, Buffer.from('привет'), { contentType: 'text/plain; charset=utf-8' });
        assert.equal((await store.stat(key))?.contentType, 'text/plain; charset=utf-8');
        assert.equal((await read(key)).toString('utf8'), 'привет');
      });

      it('replaces a blob written again, content type included', async () => {
        const prefix = uniquePrefix();
        const key = `${prefix}/voice`;
        await store.put(key, randomBytes(5000), { contentType: 'audio/wav' });
        const replacement = randomBytes(1200);
        await store.put(key, streamOf(replacement, 100), { contentType: 'audio/ogg' });
        assert.deepEqual(await read(key), replacement);
        assert.deepEqual(await store.stat(key), { size: 1200, contentType: 'audio/ogg' });
        assert.deepEqual(await listed(prefix), [{ key, size: 1200 }]);
      });

      it('keeps concurrent puts to different keys apart', async () => {
        const prefix = uniquePrefix();
        const contents = Array.from({ length: 12 }, (_, i) => randomBytes(20_000 + i * 777));
        const stored = await Promise.all(
          contents.map((bytes, i) => store.put(`${prefix}/${i}`, streamOf(bytes, 4096))),
        );
        for (const [i, bytes] of contents.entries()) {
          assert.equal(stored[i]?.sha256, sha256Of(bytes));
          assert.deepEqual(await read(`${prefix}/${i}`), bytes);
        }
      });
    });

    describe('ranges (inclusive, like HTTP)', () => {
      const bytes = randomBytes(1000);
      let key: string;
      before(async () => {
        key = `${uniquePrefix()}/ranged`;
        await store.put(key, bytes, { contentType: 'audio/mpeg' });
      });

      it('serves the first bytes', async () => {
        const read = await store.get(key, { range: { start: 0, end: 9 } });
        assert.deepEqual(read.range, { start: 0, end: 9 });
        assert.equal(read.size, 1000, 'size is of the whole blob');
        assert.equal(read.contentType, 'audio/mpeg');
        assert.deepEqual(await readAll(read.body), bytes.subarray(0, 10));
      });

      it('serves a middle span', async () => {
        assert.deepEqual(await read(key, { start: 100, end: 199 }), bytes.subarray(100, 200));
      });

      it('serves from a start to the end when the end is omitted', async () => {
        const read = await store.get(key, { range: { start: 990 } });
        assert.deepEqual(read.range, { start: 990, end: 999 });
        assert.deepEqual(await readAll(read.body), bytes.subarray(990));
      });

      it('serves a single byte', async () => {
        assert.deepEqual(await read(key, { start: 500, end: 500 }), bytes.subarray(500, 501));
        assert.deepEqual(await read(key, { start: 999, end: 999 }), bytes.subarray(999));
      });

      it('clamps an end past the blob to its last byte', async () => {
        const read = await store.get(key, { range: { start: 995, end: 5000 } });
        assert.deepEqual(read.range, { start: 995, end: 999 });
        assert.deepEqual(await readAll(read.body), bytes.subarray(995));
      });

      it('rejects unsatisfiable ranges with RangeError', async () => {
        for (const range of [{ start: 1000 }, { start: 4000, end: 5000 }, { start: 10, end: 9 }, { start: -1 }]) {
          await assert.rejects(store.get(key, { range }), RangeError, JSON.stringify(range));
        }
        const empty = `${uniquePrefix()}/empty`;
        await store.put(empty, new Uint8Array(0));
        await assert.rejects(store.get(empty, { range: { start: 0 } }), RangeError);
      });
    });

    describe('missing keys', () => {
      it('throws BlobNotFoundError on get, returns null from stat, and deletes idempotently', async () => {
        const key = `${uniquePrefix()}/never-written`;
        await assert.rejects(
          store.get(key),
          (error: unknown) => error instanceof BlobNotFoundError && error.key === key,
        );
        await assert.rejects(store.get(key, { range: { start: 0, end: 1 } }), BlobNotFoundError);
        assert.equal(await store.stat(key), null);
        await store.delete(key);
        await store.delete(key);
      });

      it('forgets a deleted blob', async () => {
        const prefix = uniquePrefix();
        await store.put(`${prefix}/a`, randomBytes(10));
        await store.delete(`${prefix}/a`);
        await assertNothingStored(prefix, `${prefix}/a`);
      });
    });

    describe('failed puts leave nothing behind', () => {
      it('accepts a body of exactly maxBytes and refuses one byte more', async () => {
        const prefix = uniquePrefix();
        assert.equal((await store.put(`${prefix}/fits`, randomBytes(100), { maxBytes: 100 })).size, 100);
        await assert.rejects(
          store.put(`${prefix}/over`, randomBytes(101), { maxBytes: 100 }),
          (error: unknown) => error instanceof BlobTooLargeError && error.maxBytes === 100,
        );
        assert.equal(await store.stat(`${prefix}/over`), null);
      });

      it('stops a streamed body once it passes maxBytes, parts already sent included', async () => {
        const prefix = uniquePrefix();
        const key = `${prefix}/too-big`;
        await assert.rejects(store.put(key, generatedBody(12 * MIB).chunks, { maxBytes: 10 * MIB }), BlobTooLargeError);
        await assertNothingStored(prefix, key);
      });

      it('stores nothing when the body stream fails midway', async () => {
        const prefix = uniquePrefix();
        const key = `${prefix}/broken`;
        const failure = new Error('connection reset by the uploader');
        await assert.rejects(store.put(key, failingBody(6 * MIB, failure)), (error) => error === failure);
        await assertNothingStored(prefix, key);
      });

      it('leaves the earlier blob as it was when a replacement fails', async () => {
        const key = `${uniquePrefix()}/kept`;
        const original = randomBytes(3000);
        await store.put(key, original, { contentType: 'image/png' });
        await assert.rejects(store.put(key, randomBytes(5000), { maxBytes: 4000 }), BlobTooLargeError);
        await assert.rejects(store.put(key, failingBody(100_000, new Error('gone'))), /gone/);
        assert.deepEqual(await read(key), original);
        assert.deepEqual(await store.stat(key), { size: 3000, contentType: 'image/png' });
      });

      it('rejects bad options before storing anything', async () => {
        const prefix = uniquePrefix();
        const key = `${prefix}/options`;
        await assert.rejects(store.put(key, randomBytes(10), { contentType: 'text/plain\r\nX-Evil: 1' }), TypeError);
        await assert.rejects(store.put(key, randomBytes(10), { contentType: 'plain' }), TypeError);
        await assert.rejects(store.put(key, randomBytes(10), { maxBytes: -1 }), RangeError);
        await assert.rejects(store.put(key, randomBytes(10), { maxBytes: 1.5 }), RangeError);
        await assertNothingStored(prefix, key);
      });
    });

    describe('prefixes', () => {
      it('lists the keys and sizes under a prefix, and only those', async () => {
        const prefix = uniquePrefix();
        await store.put(prefix, randomBytes(1));
        await store.put(`${prefix}/a`, randomBytes(10));
        await store.put(`${prefix}/b/c`, randomBytes(20));
        await store.put(`${prefix}/b/d/e`, randomBytes(0));
        await store.put(`${prefix}2/x`, randomBytes(5));
        await store.put(`${prefix}-other/y`, randomBytes(5));
        assert.deepEqual(await listed(prefix), [
          { key: `${prefix}/a`, size: 10 },
          { key: `${prefix}/b/c`, size: 20 },
          { key: `${prefix}/b/d/e`, size: 0 },
        ]);
        assert.deepEqual(await listed(`${prefix}/b`), [
          { key: `${prefix}/b/c`, size: 20 },
          { key: `${prefix}/b/d/e`, size: 0 },
        ]);
        assert.deepEqual(await listed(`${prefix}/nothing-here`), []);
      });

      it('deletes exactly the blobs under a prefix and says how many', async () => {
        const prefix = uniquePrefix();
        const doomed = [`${prefix}/a`, `${prefix}/b/c`, `${prefix}/b/d/e`, `${prefix}/materials/1/original`];
        const survivors = [prefix, `${prefix}2/x`, `${prefix}-x/y`];
        await Promise.all([...doomed, ...survivors].map((key) => store.put(key, randomBytes(64))));
        assert.equal(await store.deletePrefix(prefix), doomed.length);
        assert.deepEqual(await listed(prefix), []);
        for (const key of doomed) assert.equal(await store.stat(key), null, key);
        for (const key of survivors) assert.equal((await store.stat(key))?.size, 64, key);
        assert.equal(await store.deletePrefix(prefix), 0);
        await store.put(`${prefix}/a`, randomBytes(3));
        assert.deepEqual(await listed(prefix), [{ key: `${prefix}/a`, size: 3 }], 'the prefix is usable again');
      });
    });

    describe('keys', () => {
      const hostile = ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/', '', '.', 'a/./b', 'a\\b', 'a\0b', 'a/.hidden'];

      it('rejects hostile keys in every method before touching storage', async () => {
        for (const key of hostile) {
          const label = JSON.stringify(key);
          await assert.rejects(store.put(key, randomBytes(4)), InvalidBlobKeyError, label);
          await assert.rejects(store.get(key), InvalidBlobKeyError, label);
          await assert.rejects(store.stat(key), InvalidBlobKeyError, label);
          await assert.rejects(store.delete(key), InvalidBlobKeyError, label);
          await assert.rejects(store.deletePrefix(key), InvalidBlobKeyError, label);
          await assert.rejects(listed(key), InvalidBlobKeyError, label);
        }
      });

      it('says what is wrong with a key', async () => {
        await assert.rejects(store.put('a\\b', randomBytes(1)), /backslash/);
        await assert.rejects(store.put('a//b', randomBytes(1)), /empty segment/);
        await assert.rejects(store.put('/etc/passwd', randomBytes(1)), /absolute/);
        await assert.rejects(store.put('../x', randomBytes(1)), /"\.\." segment/);
      });

      it('accepts the key shapes Bishop uses', async () => {
        const prefix = uniquePrefix();
        const keys = [
          `${prefix}/avatars/0b6f1c52-4a1e-4c0e-9d2b-5f0f6f1b2c3d/materials/m-1/original`,
          `${prefix}/snapshots/${'ab'.repeat(32)}`,
          `${prefix}/texts/extract_v2.txt`,
        ];
        for (const key of keys) assert.equal((await store.put(key, Buffer.from(key))).key, key);
        assert.deepEqual((await listed(prefix)).map((item) => item.key).sort(), [...keys].sort());
      });
    });
  });
}
