import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { apiClient } from '../src/api-client.ts';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url));

/** The new sources, each as the user's file is named, and the committed fixture it is. */
const uploads: Record<string, string> = {
  'All mail Including Spam and Trash.mbox': 'mail/anna.mbox',
  'reply.eml': 'mail/reply.eml',
  'Letters.zip': 'mail/letters.zip',
  'Материалы к лекции.eml': 'mail/attachments.eml',
  'vk-archive.zip': 'chat-exports/accounts/vk-archive.zip',
  'Direct Messages - bob [900].json': 'chat-exports/accounts/discord-dm.json',
  'discord-with-media.zip': 'chat-exports/accounts/discord-with-media.zip',
  'Acme Slack export Mar 4 2024.zip': 'chat-exports/accounts/slack-export.zip',
  'facebook-anna-2024.zip': 'chat-exports/accounts/facebook-your-information.zip',
  'message_1.json': 'chat-exports/accounts/messenger-message_1.json',
  'instagram-anna-2024.zip': 'chat-exports/accounts/instagram-your-information.zip',
};

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>Дача</title></head><body>
<nav>Главная | Войти</nav><article><h1>Дача весной</h1>
<p>Весной на даче всегда много работы: нужно вскопать грядки, посадить рассаду и починить забор, который повалил снег.</p>
<p>Я люблю приезжать туда в субботу утром, пока соседи ещё спят, и пить чай на крыльце, слушая птиц.</p></article>
<footer>Политика конфиденциальности</footer></body></html>`;

type Material = {
  id: string;
  fileName: string;
  state: string;
  failure: { code: string; reason: string } | null;
  notes: string[];
  participants: string[];
  chat: { participants: { name: string; messageCount: number; firstMessageAt: string | null }[] } | null;
  text: string | null;
};

/** Mail, VK, Discord, Slack, Facebook, Instagram and a web page, through the gateway of a real `bishop start`. */
describe('mail, account exports and web addresses import through the gateway', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let site: Server;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let avatarId: string;
  let byName: Map<string, Material>;
  let pageUrl = '';

  before(async () => {
    site = createServer((request, response) => {
      if (request.url === '/blog/dacha')
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/blog/dacha`;
    dataDir = await temporaryDirectory('sources');
    // The test site is on loopback: the operator's setting lets the worker fetch it.
    bishop = await startBishopProcess({
      BISHOP_DATA_DIR: dataDir.path,
      BISHOP_FETCH_ALLOW_PRIVATE: 'true',
      ...testModelEnvironment(),
    });
    api = apiClient(bishop.url);
    token = await api.signUp('sources@example.org', 'Анна');
    avatarId = (await api.createAvatar(token, 'Анна')).avatarId;
    const files = await Promise.all(
      Object.entries(uploads).map(async ([name, path]) => ({ name, bytes: await fixture(path) })),
    );
    const { results } = await api.uploadFiles(token, avatarId, files);
    assert.deepEqual(
      results.filter((result) => 'error' in result && result.error),
      [],
    );
    const added = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials/url`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ url: pageUrl }),
    });
    assert.equal(added.status, 200, await added.clone().text());
    await eventually(async () => {
      const materials = await read();
      return (
        materials.length === files.length + 1 && materials.every((m) => m.state === 'READY' || m.state === 'FAILED')
      );
    }, 240_000);
    byName = new Map((await read()).map((material) => [material.fileName, material]));
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
    site?.close();
  });

  async function read(): Promise<Material[]> {
    const result = await api.gql(
      `query($a: ID!) { avatar(id: $a) { materials {
        id fileName state failure { code reason } notes participants
        chat { participants { name messageCount firstMessageAt } }
        text(maxChars: 5000)
      } } }`,
      { a: avatarId },
      { token },
    );
    return (result.data?.avatar?.materials ?? []) as Material[];
  }
  const ready = (name: string): Material => {
    const found = byName.get(name);
    assert.ok(found, `${name} was not stored`);
    assert.equal(found.state, 'READY', `${name}: ${found.failure?.reason}`);
    return found;
  };

  it('reads a mailbox: sender addresses to choose from, with counts and exact dates', () => {
    const mbox = ready('All mail Including Spam and Trash.mbox');
    const boris = mbox.chat?.participants.find((p) => p.name === 'Борис Иванов <boris@example.ru>');
    assert.deepEqual(boris, {
      name: 'Борис Иванов <boris@example.ru>',
      messageCount: 3,
      firstMessageAt: '2024-03-04T07:00:00.000Z',
    });
    assert.ok(mbox.participants.includes('Анна Петрова <anna.petrova@example.ru>'));
    assert.ok(mbox.notes.some((note) => note.includes('lecture.pdf')));
    assert.equal(ready('reply.eml').participants.length, 1);
    assert.equal(ready('Letters.zip').participants.length, 3);
  });

  it('lists the documents attached to letters and adds the chosen ones as materials, refusing a disguise', async () => {
    const mail = ready('Материалы к лекции.eml');
    const attachmentsUrl = `${bishop.url}/api/avatars/${avatarId}/materials/${mail.id}/attachments`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const listed = await fetch(attachmentsUrl, { headers });
    assert.equal(listed.status, 200);
    const { attachments } = (await listed.json()) as {
      attachments: { id: number; fileName: string; from: string; subject: string; sizeBytes: number }[];
    };
    assert.deepEqual(
      attachments.map((a) => [a.id, a.fileName, a.from, a.subject]),
      [
        [1, 'lecture.docx', 'Анна Петрова <anna.petrova@example.ru>', 'Материалы к лекции'],
        [2, 'notes.txt', 'Анна Петрова <anna.petrova@example.ru>', 'Материалы к лекции'],
        [3, '../../etc/lecture.txt', 'Анна Петрова <anna.petrova@example.ru>', 'Материалы к лекции'],
      ],
    );
    // Someone else's token sees nothing of it.
    const stranger = await api.signUp('stranger@example.org', 'Чужой');
    const refused = await fetch(attachmentsUrl, { headers: { authorization: `Bearer ${stranger}` } });
    assert.ok(refused.status === 403 || refused.status === 404, String(refused.status));
    // The user chooses all three: the document is added, the disguised binary refused, the climbing name flattened.
    const added = await fetch(attachmentsUrl, { method: 'POST', headers, body: JSON.stringify({ ids: [1, 2, 3] }) });
    assert.equal(added.status, 200);
    const { results } = (await added.json()) as {
      results: { attachmentId: number; fileName: string; kind?: string; error?: { bishopCode: string } }[];
    };
    assert.deepEqual(
      results.map((r) => [r.attachmentId, r.fileName, r.kind ?? r.error?.bishopCode]),
      [
        [1, 'lecture.docx', 'text'],
        [2, 'notes.txt', 'BISHOP_ERR_FILE_DISGUISED'],
        [3, 'lecture.txt', 'text'],
      ],
    );
    await eventually(async () => {
      const added = (await read()).filter((m) => m.fileName === 'lecture.docx' || m.fileName === 'lecture.txt');
      return added.length === 2 && added.every((m) => m.state === 'READY');
    }, 240_000);
    const docx = (await read()).find((m) => m.fileName === 'lecture.docx');
    assert.ok((docx?.text ?? '').length > 100, docx?.failure?.reason);
  });

  it('takes several addresses as the person, and says which when both ways of choosing are given', async () => {
    const mbox = ready('All mail Including Spam and Trash.mbox');
    const addresses = ['Анна Петрова <anna.petrova@example.ru>', 'Anna Petrova <a.petrova@work.example>'];
    const choose = (variables: Record<string, unknown>) =>
      api.gql(
        `mutation($a: ID!, $m: ID!, $one: String, $several: [String!]) {
          chooseChatParticipant(avatarId: $a, materialId: $m, participant: $one, participants: $several) { position } }`,
        { a: avatarId, m: mbox.id, ...variables },
        { token },
      );
    const chosen = await choose({ several: addresses });
    assert.equal(chosen.errors, undefined, JSON.stringify(chosen.errors));
    await eventually(async () => {
      const result = await api.gql(
        'query($a: ID!) { avatar(id: $a) { materials { id chosenParticipant chosenParticipants } } }',
        { a: avatarId },
        { token },
      );
      const materials = (result.data?.avatar?.materials ?? []) as {
        id: string;
        chosenParticipant: string | null;
        chosenParticipants: string[];
      }[];
      const row = materials.find((m) => m.id === mbox.id);
      return (
        row?.chosenParticipant === addresses[0] && (row?.chosenParticipants ?? []).join('|') === addresses.join('|')
      );
    }, 30_000);
    const both = await choose({ one: addresses[0], several: addresses });
    assert.equal(both.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_INVALID_VALUE', JSON.stringify(both.errors));
  });

  it('reads VK, Discord, Slack, Facebook and Instagram exports with their participants', () => {
    const names = (file: string) => ready(file).participants.sort();
    assert.deepEqual(names('vk-archive.zip'), ['Борис Иванов', 'Вы', 'Ольга Смирнова']);
    assert.deepEqual(names('Direct Messages - bob [900].json'), ['Anna', 'Bob']);
    assert.deepEqual(names('discord-with-media.zip'), ['Anna', 'Bob']);
    assert.deepEqual(names('Acme Slack export Mar 4 2024.zip'), ['Boris Ivanov', 'anna']);
    assert.deepEqual(names('facebook-anna-2024.zip'), ['Анна Петрова', 'Борис Иванов']);
    assert.deepEqual(names('message_1.json'), ['Анна Петрова', 'Борис Иванов']);
    assert.deepEqual(names('instagram-anna-2024.zip'), ['olga.smirnova', 'Анна Петрова']);
    assert.match(ready('message_1.json').text ?? '', /Привет! Поеду 😊/);
  });

  it('fetches a web page by its address: the article’s text, the address and time noted', () => {
    const page = [...byName.values()].find((m) => m.fileName.endsWith('.url'));
    assert.ok(page, 'the address was not stored');
    assert.equal(page.state, 'READY', page.failure?.reason);
    assert.match(page.text ?? '', /Весной на даче всегда много работы/);
    assert.doesNotMatch(page.text ?? '', /Политика конфиденциальности/);
    assert.ok(
      page.notes.some((note) => note.startsWith(`Fetched from ${pageUrl} at `)),
      page.notes.join('|'),
    );
  });
});
