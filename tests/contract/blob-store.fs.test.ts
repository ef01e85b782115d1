import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type BlobStore, BlobTooLargeError, InvalidBlobKeyError } from '@bishop/domain/ports';
import { createFsBlobStore, type FsBlobStore } from '@bishop/infra';
import { waitFor } from '../src/async.ts';
import { failingBody, readAll, sha256Of, streamOf } from '../src/blob-bodies.ts';
import { temporaryDirectory } from '../src/test-env.ts';
import { blobStoreContract } from './blob-store.contract.ts';

blobStoreContract('filesystem', async () => {
  const dir = await temporaryDirectory('blobs');
  const store = await createFsBlobStore({ root: dir.path });
  return {
    store,
    async teardown() {
      await store.close();
      await dir.remove();
    },
  };
});

/** Every file under `root`, relative, so a test can see exactly what a store left on disk. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

describe('filesystem BlobStore', () => {
  let dir: { path: string; remove(): Promise<void> };
  let root: string;
  let store: FsBlobStore;
  before(async () => {
    dir = await temporaryDirectory('blobs-fs');
    root = join(dir.path, 'root');
    store = await createFsBlobStore({ root });
  });
  after(async () => {
    await store.close();
    await dir.remove();
  });

  it('keeps one file per blob and none for failed puts', async () => {
    await store.put('kept/a', randomBytes(10));
    await assert.rejects(store.put('failed/b', randomBytes(100), { maxBytes: 10 }), BlobTooLargeError);
    await assert.rejects(store.put('failed/c', failingBody(100_000, new Error('upload cut off'))), /cut off/);
    assert.deepEqual(await filesUnder(root), [join('kept', 'a', '.blob')]);
    await store.deletePrefix('kept');
    assert.deepEqual(await readdir(root), [], 'deleting prunes the emptied directories');
  });

  it('never creates anything outside its root, whatever the key', async () => {
    for (const key of ['../escaped', '../../escaped', '/tmp/escaped', 'a/../../escaped', '..\\escaped']) {
      await assert.rejects(store.put(key, randomBytes(4)), InvalidBlobKeyError);
    }
    assert.deepEqual((await readdir(dir.path)).sort(), ['root']);
  });

  it('lets a reader finish the version it opened while the blob is replaced or deleted', async () => {
    const first = randomBytes(3 * 1024 * 1024);
    await store.put('versions/v', first);
    const opened = await store.get('versions/v');
    await store.put('versions/v', randomBytes(1000));
    await store.delete('versions/v');
    assert.equal(sha256Of(await readAll(opened.body)), sha256Of(first));
  });

  it('ends racing puts to one key with one whole version', async () => {
    const versions = Array.from({ length: 6 }, () => randomBytes(256 * 1024));
    await Promise.all(versions.map((bytes) => store.put('race/one', streamOf(bytes, 16 * 1024))));
    const stored = sha256Of(await readAll((await store.get('race/one')).body));
    assert.ok(
      versions.some((bytes) => sha256Of(bytes) === stored),
      'the stored content is one of the versions',
    );
    assert.deepEqual(await filesUnder(join(root, 'race')), [join('one', '.blob')], 'no temp file is left');
  });

  describe('after a crash mid-put', () => {
    it('shows no blob, and cleanupTemporaryFiles removes the temp file left behind', async () => {
      const crashRoot = join(dir.path, 'crash');
      // A real process killed while streaming: no finally block or handler gets to run.
      const child = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { createFsBlobStore } from '@bishop/infra';
           const store = await createFsBlobStore({ root: process.env.BLOB_ROOT });
           async function* endless() { for (;;) { yield new Uint8Array(64 * 1024); await new Promise((r) => setTimeout(r, 2)); } }
           await store.put('avatars/a1/materials/m1/original', endless());`,
        ],
        {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          env: { ...process.env, BLOB_ROOT: crashRoot },
          stdio: 'inherit',
        },
      );
      const materialDir = join(crashRoot, 'avatars', 'a1', 'materials', 'm1', 'original');
      // Generous timeout: the child first loads all of @bishop/infra, slow on a busy machine.
      const exited = once(child, 'exit');
      try {
        await waitFor(
          () => tempFilesIn(materialDir).some((name) => statSync(join(materialDir, name)).size > 1024 * 1024),
          30_000,
        );
      } finally {
        child.kill('SIGKILL');
        await exited;
      }

      const reopened = await createFsBlobStore({ root: crashRoot });
      assert.equal(tempFilesIn(materialDir).length, 1);
      assert.equal(await reopened.stat('avatars/a1/materials/m1/original'), null);
      assert.deepEqual(await collectKeys(reopened, 'avatars'), []);
      assert.equal(await reopened.cleanupTemporaryFiles(), 0, 'a fresh temp file may belong to a live writer');
      assert.equal(await reopened.cleanupTemporaryFiles({ olderThanMs: 0 }), 1);
      assert.deepEqual(await readdir(crashRoot), [], 'the temp file and its emptied directories are gone');
    });

    it('spares the temp files of its own puts in flight', async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const put = store.put(
        'inflight/x',
        (async function* () {
          yield randomBytes(1000);
          await held;
        })(),
      );
      await waitFor(() => tempFilesIn(join(root, 'inflight', 'x')).length > 0);
      assert.equal(await store.cleanupTemporaryFiles({ olderThanMs: 0 }), 0);
      release();
      assert.equal((await put).size, 1000);
    });
  });
});

function tempFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.startsWith('.tmp-'));
  } catch {
    return [];
  }
}

async function collectKeys(store: BlobStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of store.list(prefix)) keys.push(key);
  return keys;
}
