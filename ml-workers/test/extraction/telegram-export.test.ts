import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChatMessage, extractChatExport } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = (name: string, chat?: string, bytes = fixture(`chat-exports/telegram/${name}`)) =>
  extractChatExport({ bytes, fileName: name, chat });
const byId = (messages: Iterable<ChatMessage>, id: number) => [...messages].find((m) => m.id === id);

describe('Telegram result.json, one chat', () => {
  it('counts who wrote, leaving the app’s own notices out', async () => {
    const { chatExport } = await read('personal-chat.json');
    assert.equal(chatExport.source, 'telegram');
    assert.equal(chatExport.chatName, 'Boris Ivanov');
    assert.deepEqual(
      chatExport.participants.map((p) => [p.name, p.messageCount]),
      [
        ['Boris Ivanov', 7],
        ['Анна Петрова', 6],
      ],
    );
  });

  it('flattens text with entities to plain text and keeps replies and edits', async () => {
    const { messages } = (await read('personal-chat.json')).chatExport;
    assert.deepEqual(byId(messages, 4), {
      id: 4,
      at: '2024-03-05T16:10:00Z',
      author: 'Анна Петрова',
      text: 'Да, в семь вечера. Программа тут: https://example.org/radio',
      replyToId: 2,
      forwarded: false,
      edited: false,
      kind: 'text',
    });
    assert.equal(byId(messages, 5)?.edited, true);
    assert.equal(byId(messages, 12)?.text, '@boris_ivanov спасибо, до завтра!');
  });

  it('marks forwarded messages, service messages, attachments and voice messages', async () => {
    const { messages } = (await read('personal-chat.json')).chatExport;
    assert.equal(byId(messages, 6)?.forwarded, true);
    assert.equal(byId(messages, 1)?.kind, 'service');
    assert.deepEqual(byId(messages, 7)?.media, { fileName: 'photos/photo_1@05-03-2024_19-16-00.jpg' });
    assert.deepEqual(
      [byId(messages, 8), byId(messages, 11)].map((m) => [m?.kind, m?.media?.fileName]),
      [
        ['media', null], // a sticker left out of the export
        ['media', 'files/program.pdf'],
      ],
    );
    assert.deepEqual(byId(messages, 10)?.text, 'Вот запись прошлой лекции');
    assert.deepEqual(byId(messages, 9)?.media, {
      fileName: 'voice_messages/audio_1@05-03-2024_19-20-11.ogg',
      durationSec: 3,
    });
    assert.equal(byId(messages, 9)?.kind, 'voice');
    assert.equal(byId(messages, 9)?.text, '');
  });

  it('fails when nobody wrote anything', async () => {
    await assertFailure(read('service-only.json'), 'NO_MESSAGES', 'The export contains no messages');
  });

  it('reports a cut-off file as damaged, and other JSON as not an export', async () => {
    const json = fixture('chat-exports/telegram/personal-chat.json');
    await assertFailure(read('result.json', undefined, json.subarray(0, 3000)), 'DOCUMENT_DAMAGED', /not valid JSON/);
    await assertFailure(
      read('package.json', undefined, Buffer.from('{"name": "bishop", "version": "1.0.0"}')),
      'UNSUPPORTED_FORMAT',
      'This JSON file is not a Telegram chat export (it has no messages)',
    );
  });
});

describe('Telegram result.json, the whole account', () => {
  it('asks which chat when several have messages', async () => {
    await assertFailure(
      read('all-chats.json'),
      'AMBIGUOUS_CHAT',
      'The export holds 3 chats ("Saved Messages", "Boris Ivanov", "Семинар по истории науки"); choose the one to learn from',
    );
  });

  it('reads the chat chosen by name or by id', async () => {
    const byName = (await read('all-chats.json', 'Семинар по истории науки')).chatExport;
    assert.equal(byName.chatName, 'Семинар по истории науки');
    assert.deepEqual(
      byName.participants.map((p) => p.name),
      ['Анна Петрова', 'Вера Смирнова'],
    );
    const byId = (await read('all-chats.json', '1002')).chatExport;
    assert.deepEqual(
      [...byId.messages].map((m) => m.text),
      ['Когда следующая лекция?', 'В четверг.'],
    );
  });

  it('names the chats there are when the chosen one is not among them', async () => {
    await assertFailure(
      read('all-chats.json', 'Work'),
      'AMBIGUOUS_CHAT',
      'The export has no chat "Work"; it has: "Saved Messages", "Boris Ivanov", "Семинар по истории науки"',
    );
  });
});
