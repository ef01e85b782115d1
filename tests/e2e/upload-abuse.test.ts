import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory } from '../src/test-env.ts';

const MB = 1024 * 1024;
const windowsProgram = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Array(600).fill(0)]);

/** Every file under a directory, recursively (the blob store's files); none if it does not exist. */
async function filesUnder(directory: string): Promise<string[]> {
  for (;;) {
    try {
      const entries = await readdir(directory, { recursive: true, withFileTypes: true });
      return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    } catch (error: any) {
      if (error?.code !== 'ENOENT') throw error;
      // A worker renamed a temp file while we walked the tree: walk again, unless the root is gone.
      if ((await readdir(directory).catch(() => null)) === null) return [];
    }
  }
}

describe('upload abuse (bishop start with a 1 MiB file limit and a 3 MiB quota)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let avatarId: string;

  before(async () => {
    dataDir = await temporaryDirectory('abuse');
    bishop = await startBishopProcess({
      BISHOP_DATA_DIR: dataDir.path,
      BISHOP_UPLOAD_MAX_FILE_MB: '1',
      BISHOP_UPLOAD_MAX_USER_MB: '3',
    });
    gql = graphqlOverHttp(bishop.url);
    token = (
      await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
        i: { email: 'uploader@example.org', fullName: 'Uploader', password: 'long enough password' },
      })
    ).data?.signUp.accessToken;
    avatarId = (await gql('mutation { createAvatar(name: "Target") { avatarId } }', {}, { token })).data?.createAvatar
      .avatarId;
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  async function upload(
    files: { name: string; bytes: Uint8Array }[],
    options: { avatar?: string; auth?: string } = {},
  ) {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${bishop.url}/api/avatars/${options.avatar ?? avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${options.auth ?? token}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  async function materials(): Promise<any[]> {
    const read = await gql(
      `query($a: ID!) { avatar(id: $a) { materials { id fileName } } }`,
      { a: avatarId },
      { token },
    );
    return read.data?.avatar.materials ?? [];
  }

  /** Stored originals and temp files of uploads in progress (extracted texts are the worker's and not counted). */
  const materialBlobs = async () =>
    (await filesUnder(join(dataDir.path, 'blobs', 'avatars', avatarId, 'materials'))).filter((path) =>
      path.includes('/original/'),
    );

  it('refuses each bad file with a specific error and stores nothing for it', async () => {
    const { status, body } = await upload([
      { name: 'huge.txt', bytes: new Uint8Array(2 * MB).fill(0x61) },
      { name: 'song.mp3', bytes: windowsProgram },
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'virus.exe', bytes: windowsProgram },
      { name: 'fine.txt', bytes: new TextEncoder().encode('a good file') },
    ]);
    assert.equal(status, 200);
    const codes = body.results.map((r: any) => r.error?.bishopCode ?? 'OK');
    assert.deepEqual(codes, [
      'BISHOP_ERR_FILE_TOO_LARGE',
      'BISHOP_ERR_FILE_DISGUISED',
      'BISHOP_ERR_FILE_EMPTY',
      'BISHOP_ERR_FILE_UNSUPPORTED',
      'OK',
    ]);
    assert.match(body.results[0].error.message, /"huge\.txt" is larger than the limit of 1 MiB/);
    const listed = await gql(
      `query($a: ID!) { avatar(id: $a) { materials { fileName } } }`,
      { a: avatarId },
      {
        token,
        consistentWith: body.results[4].position,
      },
    );
    assert.deepEqual(listed.data?.avatar.materials, [{ fileName: 'fine.txt' }]);
    assert.equal((await materialBlobs()).length, 1, 'only the accepted file has a blob');
  });

  it('neutralises hostile names: path traversal and 10,000 characters', async () => {
    const { body } = await upload([
      { name: '../../../etc/passwd.txt', bytes: new TextEncoder().encode('root:x:0:0') },
      { name: `${'ы'.repeat(10_000)}.md`, bytes: new TextEncoder().encode('# long name') },
    ]);
    const [traversal, long] = body.results;
    assert.equal(traversal.fileName, 'passwd.txt');
    assert.equal([...long.fileName].length, 255);
    assert.ok(long.fileName.endsWith('.md'));
    assert.deepEqual(await filesUnder(join(dataDir.path, 'etc')), [], 'nothing written outside the blob store');
  });

  it('leaves neither event nor blob behind when the client aborts mid-upload', async () => {
    const blobsBefore = await materialBlobs();
    const before = { materials: (await materials()).length, blobs: blobsBefore.length };
    const boundary = 'bishopboundary';
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${bishop.url}/api/avatars/${avatarId}/materials`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      );
      req.write('x'.repeat(200_000));
      setTimeout(() => req.destroy(), 200);
    });
    // The server notices the broken connection and abandons the half-written blob.
    const deadline = Date.now() + 10_000;
    while ((await materialBlobs()).length !== before.blobs && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await materialBlobs(), blobsBefore, 'no blob (and no temp file) was left');
    assert.equal((await materials()).length, before.materials, 'no material was recorded');
  });

  it('enforces the per-user quota across requests', async () => {
    // Different contents: the same content twice is refused as a duplicate, which is not what this tests.
    const nearlyMb = (letter: string) => new Uint8Array(MB - 1024).fill(letter.charCodeAt(0));
    const { body } = await upload([
      { name: 'a.txt', bytes: nearlyMb('a') },
      { name: 'b.txt', bytes: nearlyMb('b') },
      { name: 'c.txt', bytes: nearlyMb('c') },
      { name: 'd.txt', bytes: nearlyMb('d') },
    ]);
    const codes = body.results.map((r: any) => r.error?.bishopCode ?? 'OK');
    // About 3 KiB is already stored: three nearly-1-MiB files fit in 3 MiB, the fourth does not.
    assert.deepEqual(codes, ['OK', 'OK', 'OK', 'BISHOP_ERR_QUOTA_EXCEEDED']);
    assert.match(body.results[3].error.message, /"d\.txt" does not fit in your storage limit of 3 MiB/);
  });

  it("refuses uploads to someone else's avatar, anonymous uploads and requests that are not multipart", async () => {
    const stranger = (
      await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
        i: { email: 'stranger@example.org', fullName: 'Stranger', password: 'long enough password' },
      })
    ).data?.signUp.accessToken;
    const foreign = await upload([{ name: 'x.txt', bytes: new TextEncoder().encode('intrusion') }], { auth: stranger });
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.code, 'NOT_FOUND');
    const anonymous = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: new FormData(),
    });
    assert.equal(anonymous.status, 401);
    const notMultipart = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.ok([400, 406, 415].includes(notMultipart.status), String(notMultipart.status));
  });
});
