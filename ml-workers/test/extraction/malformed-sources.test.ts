import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extractChatExport } from '../../src/extraction/index.ts';
import { assertFailure } from './fixtures.ts';

let scratch: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bishop-malformed-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

/** A zip made by Info-ZIP's `zip`, as the exporting apps' archives are, holding these files. */
async function zipOf(name: string, files: Record<string, string>): Promise<Buffer> {
  const folder = join(scratch, `${name}.d`);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  execFileSync('zip', ['-qr', join(scratch, name), '.'], { cwd: folder });
  return readFile(join(scratch, name));
}

const read = (fileName: string, bytes: Uint8Array) => extractChatExport({ bytes, fileName });

/** One damaged file per new source: each fails with a reason a user can act on, never with a crash. */
describe('damaged exports of each source fail with a readable reason', () => {
  it('mail: a zipped folder whose letters are all unreadable', async () => {
    // postal-mime reads almost anything as a letter: a "letter" without a From is what cannot be used.
    const letters = await zipOf('letters.zip', { 'Letters/1.eml': 'Subject: x\n\nno sender here\n' });
    await assertFailure(read('letters.zip', letters), 'NO_MESSAGES', /no letters with a sender/);
  });

  it('VK: a message page cut off before any message', async () => {
    const archive = await zipOf('vk.zip', { 'messages/123/messages0.html': '<html><body><div class="wrap">' });
    await assertFailure(read('vk.zip', archive), 'NO_MESSAGES', /contains no messages/);
  });

  it('Discord: a file whose messages are not a list', async () => {
    const json = '{"guild":{"name":"Direct Messages"},"channel":{"name":"bob"},"messages":"none"}';
    await assertFailure(read('dm.json', Buffer.from(json)), 'DOCUMENT_DAMAGED', /"bob" holds no list of messages/);
  });

  it('Discord: a message that is null among real ones, and a cut-off file', async () => {
    const json =
      '{"guild":{"name":"G"},"channel":{"name":"c"},"messages":[null,{"id":"1","type":"Default","content":"hi","author":{"name":"Bob"}}]}';
    const { chatExport } = await read('c.json', Buffer.from(json));
    await assertFailure(read('c.json', Buffer.from(json.slice(0, 60))), 'DOCUMENT_DAMAGED', /not valid JSON/);
    if (chatExport.participants[0]?.name !== 'Bob') throw new Error('the real message was lost');
  });

  it('Slack: a day file cut off in the middle', async () => {
    const archive = await zipOf('slack.zip', {
      'users.json': '[]',
      'general/2024-03-04.json': '[{"type":"message","text":',
    });
    await assertFailure(read('slack.zip', archive), 'DOCUMENT_DAMAGED', /"general\/2024-03-04.json" is damaged/);
  });

  it('Slack: a day file holding numbers and nulls where messages belong', async () => {
    const archive = await zipOf('slack2.zip', {
      'users.json': '[]',
      'general/2024-03-04.json': '[42, null]',
    });
    await assertFailure(read('slack2.zip', archive), 'NO_MESSAGES', /contains no messages/);
  });

  it('Instagram: a thread file cut off in the middle', async () => {
    const archive = await zipOf('instagram.zip', {
      'your_instagram_activity/messages/inbox/olga_1/message_1.json':
        '{"participants":[{"name":"A"}],"messages":[{"sender_name":',
    });
    await assertFailure(read('instagram.zip', archive), 'DOCUMENT_DAMAGED', /message_1.json" is damaged/);
  });
});
