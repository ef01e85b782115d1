import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type ChatExport, readStoredChat } from '../../src/extraction/index.ts';

const spillDir = mkdtempSync(join(tmpdir(), 'bishop-stored-chat-'));
after(() => rmSync(spillDir, { recursive: true, force: true }));

/** The bytes in small pieces, as a blob store streams them. */
const streamed = (json: string) => () => {
  const bytes = Buffer.from(json);
  return Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, (i + 1) * 7));
};

const chat: ChatExport = {
  source: 'telegram',
  chatName: 'Анна',
  participants: [{ name: 'Анна', messageCount: 2, firstMessageAt: '2024-01-01T10:00:00Z', lastMessageAt: null }],
  firstMessageAt: '2024-01-01T10:00:00Z',
  lastMessageAt: '2024-01-01T10:01:00Z',
  timeZoneKnown: true,
  notes: ['заметка'],
  messages: [
    {
      id: 1,
      at: '2024-01-01T10:00:00Z',
      author: 'Анна',
      text: 'Привет 😀',
      forwarded: false,
      edited: false,
      kind: 'text',
    },
    {
      id: 2,
      at: null,
      author: 'Борис',
      text: '',
      replyToId: 1,
      forwarded: true,
      edited: true,
      kind: 'voice',
      media: { fileName: 'a.ogg' },
    },
  ],
};

describe('a stored chat read back as it streams', () => {
  it('gives back the chat as stored, its messages read again at each pass', async () => {
    const read = await readStoredChat(streamed(JSON.stringify(chat)), spillDir);
    const { messages, ...fields } = read;
    const { messages: stored, ...storedFields } = chat;
    assert.deepEqual(fields, storedFields);
    assert.equal(messages.length, 2);
    assert.deepEqual([...messages], stored);
    assert.deepEqual([...messages], stored, 'a second pass reads the same');
  });

  it('fails a cut-off or shapeless stored chat as damaged', async () => {
    const json = JSON.stringify(chat);
    for (const broken of [json.slice(0, 200), JSON.stringify({ ...chat, participants: undefined }), '[]']) {
      await assert.rejects(readStoredChat(streamed(broken), spillDir), { reasonCode: 'DOCUMENT_DAMAGED' });
    }
  });
});
