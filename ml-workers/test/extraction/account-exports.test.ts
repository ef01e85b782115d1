import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dialoguePairs, extractChatExport, personWords } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = (name: string, transcribe?: (bytes: Uint8Array, fileName: string) => Promise<string>) =>
  extractChatExport({
    bytes: fixture(`chat-exports/accounts/${name}`),
    fileName: name,
    ...(transcribe && { transcribe }),
  });
const facts = (participants: { name: string; messageCount: number; firstMessageAt: string | null }[]) =>
  participants.map((p) => [p.name, p.messageCount, p.firstMessageAt]);

describe('VK data archive (Windows-1251 HTML)', () => {
  it('lists who wrote in every chat, with counts and the owner’s wall-clock dates', async () => {
    const { chatExport } = await read('vk-archive.zip');
    assert.equal(chatExport.source, 'vk');
    assert.deepEqual(facts(chatExport.participants), [
      ['Вы', 3, '2024-03-04T10:05:12Z'],
      ['Борис Иванов', 2, '2024-03-04T10:00:00Z'],
      ['Ольга Смирнова', 1, '2024-05-01T12:00:00Z'],
    ]);
    assert.equal(chatExport.timeZoneKnown, false);
  });

  it('says that a voice message’s audio is not in the archive (VK links it), instead of dropping it silently', async () => {
    const { chatExport } = await read('vk-archive.zip');
    assert.equal([...chatExport.messages].filter((m) => m.kind === 'voice').length, 1);
    assert.ok(
      chatExport.notes.includes(
        '1 voice message(s) came without their audio in the export, so their words could not be transcribed.',
      ),
      chatExport.notes.join('|'),
    );
  });

  it('mines pairs inside each chat, never across two', async () => {
    const { chatExport } = await read('vk-archive.zip');
    assert.deepEqual(
      dialoguePairs(chatExport, 'Вы').map(({ prompt, reply }) => [prompt, reply]),
      [
        ['Аня, привет! Поедешь на дачу?', 'Привет! Поеду,\nно после обеда.'],
        ['С праздником!', 'Спасибо, Оля!'],
      ],
    );
    const voice = [...chatExport.messages].find((m) => m.kind === 'voice');
    assert.equal(voice?.author, 'Вы');
    assert.equal([...chatExport.messages].find((m) => m.text.startsWith('Привет!'))?.edited, true);
  });
});

describe('DiscordChatExporter JSON', () => {
  it('reads a channel: nicknames, exact instants, calls as notices, replies', async () => {
    const { chatExport } = await read('discord-dm.json');
    assert.equal(chatExport.source, 'discord');
    assert.equal(chatExport.chatName, 'bob');
    assert.deepEqual(facts(chatExport.participants), [
      ['Anna', 2, '2024-03-04T07:05:00.456Z'],
      ['Bob', 2, '2024-03-04T07:00:00.123Z'],
    ]);
    assert.deepEqual(personWords(chatExport, 'Anna'), ['Yes, after lunch!']);
    assert.equal([...chatExport.messages][1]?.replyToId, 1);
  });

  it('transcribes a voice message downloaded with --media, like Telegram’s', async () => {
    const { chatExport } = await read('discord-with-media.zip', async (bytes, fileName) => {
      assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), 'OggS');
      assert.equal(fileName, 'voice-message-5A1B.ogg');
      return 'Уже еду';
    });
    assert.deepEqual(dialoguePairs(chatExport, 'Anna').at(-1), {
      prompt: 'Bring the rods',
      reply: 'Уже еду',
      promptAuthors: ['Bob'],
      at: '2024-03-04T07:08:00Z',
    });
  });
});

describe('Slack workspace export', () => {
  it('names people from users.json, reads Slack markup, keeps threads apart, drops joins', async () => {
    const { chatExport } = await read('slack-export.zip');
    assert.equal(chatExport.source, 'slack');
    assert.deepEqual(
      chatExport.participants.map((p) => [p.name, p.messageCount]),
      [
        ['anna', 2],
        ['Boris Ivanov', 2],
      ],
    );
    assert.deepEqual(
      dialoguePairs(chatExport, 'anna').map(({ prompt, reply }) => [prompt, reply]),
      // "Me!" came a day after "Lunch anyone?": a new conversation, not an answer.
      [['Hi @anna, is the report ready? <urgent>', 'Almost, see the draft']],
    );
  });
});

describe('Facebook Messenger and Instagram ("Download your information")', () => {
  it('decodes text that Facebook wrote as UTF-8 escaped as Latin-1', async () => {
    const { chatExport } = await read('messenger-message_1.json');
    assert.equal(chatExport.chatName, 'Борис Иванов');
    assert.deepEqual(personWords(chatExport, 'Анна Петрова'), ['Привет! Поеду 😊']);
    assert.equal([...chatExport.messages].filter((m) => m.kind === 'deleted').length, 1);
    assert.equal(chatExport.firstMessageAt, '2024-03-04T07:00:00Z');
  });

  it('transcribes the audio clips of a Facebook archive', async () => {
    const calls: string[] = [];
    const { chatExport } = await read('facebook-your-information.zip', async (_bytes, fileName) => {
      calls.push(fileName);
      return 'Я буду рада тебя видеть.';
    });
    assert.equal(chatExport.source, 'facebook');
    assert.deepEqual(calls, ['audioclip17095356000001234_1.mp4']);
    assert.ok(personWords(chatExport, 'Анна Петрова')[0]?.endsWith('Я буду рада тебя видеть.'));
  });

  it('tells an Instagram archive by its folders', async () => {
    const { chatExport } = await read('instagram-your-information.zip');
    assert.equal(chatExport.source, 'instagram');
    assert.deepEqual(
      dialoguePairs(chatExport, 'Анна Петрова').map(({ prompt, reply }) => [prompt, reply]),
      [['С праздником 🎉', 'Спасибо!']],
    );
  });

  it('explains a damaged JSON file instead of failing obscurely', async () => {
    await assertFailure(
      extractChatExport({
        bytes: Buffer.from('{"participants": [{"name": "A"}], "messages": [{"sender_'),
        fileName: 'message_1.json',
      }),
      'DOCUMENT_DAMAGED',
      /not valid JSON/,
    );
  });
});
