import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ChatExport,
  chatExportText,
  dialoguePairs,
  extractChatExport,
  personWords,
} from '../../src/extraction/index.ts';
import { fixture } from './fixtures.ts';

const ANNA = 'Анна Петрова';
const telegramChat = async (): Promise<ChatExport> =>
  (
    await extractChatExport({
      bytes: fixture('chat-exports/telegram/ChatExport_2024-03-05.zip'),
      fileName: 'ChatExport_2024-03-05.zip',
      transcribe: async () => 'Я буду рада тебя видеть.',
    })
  ).chatExport;

describe("the person's words", () => {
  it('joins consecutive messages, includes transcribed voice, skips stickers and notices', async () => {
    assert.deepEqual(personWords(await telegramChat(), ANNA), [
      'Да, в семь вечера. Программа тут: https://example.org/radio\nВозьми с собой блокнот.',
      'Я буду рада тебя видеть.',
      '@boris_ivanov спасибо, до завтра!',
      'Отлично, задавали много вопросов.',
    ]);
  });

  it('leaves out what the person forwarded: those are someone else’s words', async () => {
    const words = personWords(await telegramChat(), 'Boris Ivanov');
    assert.ok(words.every((turn) => !turn.includes('Попов показал свой прибор')));
    assert.deepEqual(words, [
      'Привет! Ты завтра читаешь лекцию?\nХочу прийти послушать.',
      'Вот запись прошлой лекции',
      'Как прошла лекция?',
    ]);
  });

  it('rejects a name that is not in the chat, naming those who are', async () => {
    assert.throws(
      () =>
        personWords(
          {
            ...emptyChat,
            participants: [{ name: 'Anna', messageCount: 1, firstMessageAt: null, lastMessageAt: null }],
          },
          'Ann',
        ),
      {
        name: 'RangeError',
        message: '"Ann" is not a participant of this chat; its participants are "Anna"',
      },
    );
  });
});

describe('dialogue pairs', () => {
  it("pairs the others' turn with the person's answer", async () => {
    assert.deepEqual(dialoguePairs(await telegramChat(), ANNA), [
      {
        prompt: 'Привет! Ты завтра читаешь лекцию?\nХочу прийти послушать.',
        reply: 'Да, в семь вечера. Программа тут: https://example.org/radio\nВозьми с собой блокнот.',
        promptAuthors: ['Boris Ivanov'],
        at: '2024-03-05T16:10:00Z',
      },
      {
        // Boris forwarded a quote and sent a photo; Anna's sticker carries no words, her voice message does.
        prompt: 'Попов показал свой прибор 7 мая 1895 года.',
        reply: 'Я буду рада тебя видеть.',
        promptAuthors: ['Boris Ivanov'],
        at: '2024-03-05T16:20:11Z',
      },
      {
        prompt: 'Вот запись прошлой лекции',
        reply: '@boris_ivanov спасибо, до завтра!',
        promptAuthors: ['Boris Ivanov'],
        at: '2024-03-05T16:23:00Z',
      },
      {
        prompt: 'Как прошла лекция?',
        reply: 'Отлично, задавали много вопросов.',
        promptAuthors: ['Boris Ivanov'],
        at: '2024-03-06T18:31:00Z',
      },
    ]);
  });

  it('does not pair an answer given after a longer silence than allowed', async () => {
    // Anna answered Boris after 4½ and 5 minutes, then after 2 minutes and after 1.
    const pairs = dialoguePairs(await telegramChat(), ANNA, { maxGapHours: 3 / 60 });
    assert.deepEqual(
      pairs.map((p) => p.at),
      ['2024-03-05T16:23:00Z', '2024-03-06T18:31:00Z'],
    );
  });

  it('splits a turn at a long silence: the next day is a new conversation', async () => {
    const chat = (
      await extractChatExport({
        bytes: Buffer.from(
          [
            '01.03.24, 10:00 - Boris: Are you coming tonight?',
            '01.03.24, 10:01 - Anna: Yes',
            '02.03.24, 09:00 - Anna: That was a great evening',
            '02.03.24, 09:05 - Boris: It was!',
          ].join('\n'),
        ),
        fileName: 'chat.txt',
      })
    ).chatExport;
    assert.deepEqual(personWords(chat, 'Anna'), ['Yes', 'That was a great evening']);
    assert.deepEqual(
      dialoguePairs(chat, 'Anna').map((p) => [p.prompt, p.reply]),
      [['Are you coming tonight?', 'Yes']],
    );
    assert.deepEqual(
      dialoguePairs(chat, 'Boris').map((p) => [p.prompt, p.reply]),
      [['That was a great evening', 'It was!']],
    );
  });
});

describe('the chat as text', () => {
  it('reads "Name: message" per line, without notices or empty attachments', async () => {
    const text = chatExportText(await telegramChat());
    assert.equal(text.format, 'chatExport');
    assert.equal(text.language, 'ru');
    assert.equal(text.segments.length, 10);
    assert.ok(
      text.text.startsWith('Boris Ivanov: Привет! Ты завтра читаешь лекцию?\nBoris Ivanov: Хочу прийти послушать.\n'),
    );
  });
});

const emptyChat: ChatExport = {
  source: 'whatsapp',
  chatName: null,
  participants: [],
  messages: [],
  firstMessageAt: null,
  lastMessageAt: null,
  timeZoneKnown: false,
  notes: [],
};
