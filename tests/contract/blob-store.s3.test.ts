import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BlobStore } from '@bishop/domain/ports';
import { createS3BlobStore, type S3BlobStoreOptions } from '@bishop/infra';
import { Client } from 'minio';
import { generatedBody } from '../src/blob-bodies.ts';
import { uniquePrefix } from '../src/event-fixtures.ts';
import { type S3TestServer, startS3Server } from '../src/s3-server.ts';
import { blobStoreContract } from './blob-store.contract.ts';

const MIB = 1024 * 1024;

/** Connection options for a fresh bucket; 5 MiB parts (S3's minimum) so several-MiB bodies go multipart. */
function optionsFor(server: S3TestServer, cleanupFailures: string[]): S3BlobStoreOptions {
  const { endPoint, port, useSSL, accessKey, secretKey } = server;
  return {
    endPoint,
    port,
    useSSL,
    accessKey,
    secretKey,
    bucket: uniquePrefix('blobs'),
    partSize: 5 * MIB,
    onCleanupFailure: (_error, what) => cleanupFailures.push(what),
  };
}

// s3rver cannot abort a multipart upload, so the only cleanup allowed to fail here is that abort.
function assertOnlyAbortsFailed(cleanupFailures: string[]): void {
  for (const what of cleanupFailures) assert.match(what, /^abort multipart upload /);
}

blobStoreContract('S3 (s3rver over HTTP)', async () => {
  const server = await startS3Server();
  const cleanupFailures: string[] = [];
  const store = await createS3BlobStore(optionsFor(server, cleanupFailures));
  return {
    store,
    async teardown() {
      await store.close();
      await server.stop();
      assertOnlyAbortsFailed(cleanupFailures);
    },
  };
});

describe('S3 BlobStore', () => {
  let server: S3TestServer;
  let options: S3BlobStoreOptions;
  let client: Client;
  let store: BlobStore;
  const cleanupFailures: string[] = [];
  before(async () => {
    server = await startS3Server();
    options = optionsFor(server, cleanupFailures);
    store = await createS3BlobStore(options);
    client = new Client({ ...server });
  });
  after(async () => {
    await store.close();
    await server.stop();
    assertOnlyAbortsFailed(cleanupFailures);
  });

  it('tags each object with its SHA-256, for single and multipart uploads', async () => {
    const small = await store.put('tagged/small', randomBytes(1000), { contentType: 'text/plain' });
    const big = generatedBody(11 * MIB);
    const large = await store.put('tagged/large', big.chunks, { contentType: 'video/webm' });
    assert.equal(large.sha256, big.sha256());
    for (const blob of [small, large]) {
      assert.deepEqual(await client.getObjectTagging(options.bucket, blob.key), [
        { Key: 'sha256', Value: blob.sha256 },
      ]);
      assert.equal((await client.statObject(options.bucket, blob.key)).metaData['content-type'], blob.contentType);
    }
  });

  it('creates its bucket once, even when several stores start together', async () => {
    const shared = { ...options, bucket: uniquePrefix('shared') };
    const stores = await Promise.all(Array.from({ length: 3 }, () => createS3BlobStore(shared)));
    await stores[0]?.put('x/y', randomBytes(3));
    assert.equal((await stores[2]?.stat('x/y'))?.size, 3);
    await Promise.all(stores.map((each) => each.close()));
    assert.equal(await client.bucketExists(shared.bucket), true);
  });

  it('refuses a part size S3 would reject', async () => {
    await assert.rejects(createS3BlobStore({ ...options, partSize: 1024 }), /partSize must be/);
  });
});
