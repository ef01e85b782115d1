import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { zipEntries } from '../src/zip-entries.ts';

/** A person takes all of an avatar's data with them: the archive, the history as JSON Lines, a chat. */
describe('data export (bishop start)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let owner: string;
  let stranger: string;
  let avatarId: string;
  let chatId: string;
  let materialId: string;
  const lecture = 'Lecture notes.\n\nThe albatross can sleep while it flies over the ocean.';

  const signUp = async (email: string) =>
    (
      await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
        i: { email, fullName: 'Exporter', password: 'long enough password' },
      })
    ).data?.signUp.accessToken as string;
  const download = (path: string, token?: string) =>
    fetch(`${bishop.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  before(async () => {
    dataDir = await temporaryDirectory('export');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    gql = graphqlOverHttp(bishop.url);
    owner = await signUp('exporter@example.org');
    stranger = await signUp('stranger@example.org');
    const token = owner;
    avatarId = (await gql('mutation { createAvatar(name: "Альбатрос") { avatarId } }', {}, { token })).data
      ?.createAvatar.avatarId;
    const form = new FormData();
    form.append('file', new Blob([lecture]), 'lecture.txt');
    const uploaded = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    materialId = ((await uploaded.json()) as any).results[0].materialId;
    chatId = (
      await gql('mutation($a: ID!) { openChat(avatarId: $a, title: "Птицы") { chatId } }', { a: avatarId }, { token })
    ).data?.openChat.chatId;
    const sent = await gql(
      'mutation($c: ID!) { sendMessage(chatId: $c, text: "Как спит альбатрос?") { position } }',
      {
        c: chatId,
      },
      { token },
    );
    await eventually(async () => {
      const read = await gql(
        'query($a: ID!, $m: ID!) { avatar(id: $a) { material(id: $m) { state } } }',
        {
          a: avatarId,
          m: materialId,
        },
        { token, consistentWith: sent.data?.sendMessage.position },
      );
      return read.data?.avatar.material.state === 'READY';
    }, 30_000);
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  it('packs everything about the avatar into one ZIP', async () => {
    const response = await download(`/api/avatars/${avatarId}/export`, owner);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="?avatar-[0-9a-f-]+\.zip"?$/,
    );
    const entries = await zipEntries(Buffer.from(await response.arrayBuffer()));
    assert.ok(entries.has('README.txt'));
    const avatar = JSON.parse(entries.get('avatar.json')?.toString() ?? '{}');
    assert.equal(avatar.avatar.name, 'Альбатрос');
    assert.deepEqual(
      avatar.materials.map((m: any) => [m.file_name, m.state]),
      [['lecture.txt', 'ready']],
    );
    assert.equal(entries.get(`files/materials/${materialId}/original`)?.toString(), lecture);
    assert.match(entries.get(`files/materials/${materialId}/text.txt`)?.toString() ?? '', /albatross can sleep/);
    const chat = JSON.parse(entries.get(`chats/${chatId}.json`)?.toString() ?? '{}');
    assert.equal(chat.title, 'Птицы');
    assert.equal(chat.messages[0].text, 'Как спит альбатрос?');
    const timeline = (entries.get('timeline.jsonl')?.toString() ?? '')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(timeline[0].type, 'AvatarCreated');
    assert.ok(timeline.some((entry) => entry.type === 'MessageSent' && entry.chatId === chatId));
    for (const name of entries.keys()) assert.ok(!name.includes('..') && !name.startsWith('/'), name);
  });

  it('packs everything the account owns into one ZIP: the account, then each avatar as its own export has it', async () => {
    const response = await download('/api/account/export', owner);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="?bishop-account-[0-9a-f-]+\.zip"?$/,
    );
    const entries = await zipEntries(Buffer.from(await response.arrayBuffer()));
    const account = JSON.parse(entries.get('account.json')?.toString() ?? '{}');
    assert.equal(account.user.email, 'exporter@example.org');
    assert.equal(account.user.full_name, 'Exporter');
    const folder = `avatars/${avatarId}/`;
    assert.equal(JSON.parse(entries.get(`${folder}avatar.json`)?.toString() ?? '{}').avatar.name, 'Альбатрос');
    assert.equal(entries.get(`${folder}files/materials/${materialId}/original`)?.toString(), lecture);
    assert.equal(JSON.parse(entries.get(`${folder}chats/${chatId}.json`)?.toString() ?? '{}').title, 'Птицы');
    assert.ok(entries.has(`${folder}timeline.jsonl`));
    // Nothing of anyone else's, and no secret or hash of one.
    const everything = [...entries.values()].map((entry) => entry.toString('latin1')).join('\n');
    assert.doesNotMatch(everything, /stranger@example\.org|token_hash|password/i);
    // Only the owner gets it.
    const theirs = await zipEntries(Buffer.from(await (await download('/api/account/export', stranger)).arrayBuffer()));
    assert.ok(![...theirs.keys()].some((name) => name.includes(avatarId)), 'the stranger’s export holds none of it');
    assert.equal((await download('/api/account/export')).status, 401);
  });

  it('exports the history as JSON Lines, oldest first, filtered by kind', async () => {
    const all = await download(`/api/avatars/${avatarId}/timeline.jsonl`, owner);
    assert.equal(all.status, 200);
    assert.match(all.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    const entries = (await all.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const positions = entries.map((entry) => BigInt(entry.position));
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => (a < b ? -1 : 1)),
    );
    assert.ok(entries.every((entry) => entry.actor && entry.occurredAt && /^[0-9a-f]{64}$/.test(entry.chainHash)));
    const materials = (await (await download(`/api/avatars/${avatarId}/timeline.jsonl?kinds=material`, owner)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.ok(materials.length >= 3 && materials.every((entry) => entry.kind === 'material'));
    const bad = await download(`/api/avatars/${avatarId}/timeline.jsonl?kinds=gossip`, owner);
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as any).error.message, /"gossip" is not a timeline kind/);
  });

  it('exports a chat as JSON and as Markdown', async () => {
    const json = await download(`/api/chats/${chatId}/export`, owner);
    assert.equal(json.status, 200);
    assert.equal(((await json.json()) as any).messages[0].text, 'Как спит альбатрос?');
    const markdown = await (await download(`/api/chats/${chatId}/export?format=markdown`, owner)).text();
    assert.match(markdown, /^# Птицы\n/);
    assert.match(markdown, /Как спит альбатрос\?/);
    assert.equal((await download(`/api/chats/${chatId}/export?format=pdf`, owner)).status, 400);
  });

  it('gives nothing to anyone else', async () => {
    for (const path of [
      `/api/avatars/${avatarId}/export`,
      `/api/avatars/${avatarId}/timeline.jsonl`,
      `/api/chats/${chatId}/export`,
    ]) {
      assert.equal((await download(path, stranger)).status, 404, `${path} for someone else`);
      assert.equal((await download(path)).status, 401, `${path} without a session`);
    }
    assert.equal((await download('/api/avatars/not-an-id/export', owner)).status, 404);
  });
});
