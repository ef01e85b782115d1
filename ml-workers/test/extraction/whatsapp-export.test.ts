import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChatExport, extractChatExport } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = async (name: string, bytes = fixture(`chat-exports/whatsapp/${name}`)): Promise<ChatExport> =>
  (await extractChatExport({ bytes, fileName: name })).chatExport;
const summary = (chat: ChatExport) => [...chat.messages].map((m) => [m.at, m.kind, m.author, m.text]);

// The same short conversation, as each layout writes it.
const NEW_YEAR_EN = [
  ['2023-12-31T21:41:00Z', 'text', 'Alice Smith', 'Happy New Year!'],
  ['2023-12-31T21:42:00Z', 'text', 'Bob Jones', 'Thanks, you too!'],
];

describe('WhatsApp .txt exports', () => {
  it('reads Android en-US: month first, 12-hour clock with a narrow no-break space', async () => {
    const chat = await read('android-en-us.txt');
    assert.deepEqual(summary(chat).slice(3, 10), [
      ['2023-12-31T21:41:00Z', 'text', 'Alice Smith', 'Happy New Year, everyone! 🎉'],
      ['2023-12-31T21:42:00Z', 'text', 'Bob Jones', 'Thanks, you too!\nHope 2024 brings more lectures.'],
      ['2023-12-31T21:43:00Z', 'media', 'Alice Smith', ''],
      ['2023-12-31T21:44:00Z', 'deleted', 'Bob Jones', ''],
      ['2024-01-02T10:05:00Z', 'text', 'Bob Jones', 'Are you speaking on Tuesday?'],
      ['2024-01-02T10:30:00Z', 'text', 'Alice Smith', 'Yes: at 7 pm, room 12.'],
      ['2024-01-02T10:31:00Z', 'text', 'Alice Smith', 'Bring your notes from last week'],
    ]);
  });

  it('keeps the encryption notice, group changes and departures out of anyone’s messages', async () => {
    const chat = await read('android-en-us.txt');
    const notices = [...chat.messages].filter((m) => m.kind === 'service').map((m) => m.text);
    assert.deepEqual(notices.slice(1), [
      'Alice Smith created group "Lecture club"',
      'Alice Smith added Bob Jones',
      'Bob Jones left',
    ]);
    assert.match(notices[0] ?? '', /^Messages and calls are end-to-end encrypted/);
    assert.deepEqual(chat.participants, [
      {
        name: 'Alice Smith',
        messageCount: 4,
        firstMessageAt: '2023-12-31T21:41:00Z',
        lastMessageAt: '2024-01-02T10:31:00Z',
      },
      {
        name: 'Bob Jones',
        messageCount: 3,
        firstMessageAt: '2023-12-31T21:42:00Z',
        lastMessageAt: '2024-01-02T10:05:00Z',
      },
    ]);
  });

  it('reads Android en-GB: day first, four-digit year, 24-hour clock', async () => {
    assert.deepEqual(summary(await read('android-en-gb.txt')).slice(1, 3), NEW_YEAR_EN);
  });

  it('reads Android ISO dates', async () => {
    assert.deepEqual(summary(await read('android-iso.txt')).slice(0, 2), NEW_YEAR_EN);
  });

  it('reads Android ru: dotted dates, Russian placeholders and notices', async () => {
    const chat = await read('android-ru.txt');
    assert.deepEqual(summary(chat), [
      ['2023-12-31T21:40:00Z', 'service', '', [...chat.messages][0]?.text],
      ['2023-12-31T21:41:00Z', 'text', 'Анна Петрова', 'С Новым годом! 🎄'],
      ['2023-12-31T21:42:00Z', 'text', 'Борис', 'Спасибо, и тебя!\nПусть год будет добрым.'],
      ['2023-12-31T21:43:00Z', 'media', 'Анна Петрова', ''],
      ['2023-12-31T21:44:00Z', 'deleted', 'Борис', ''],
      ['2024-01-02T10:05:00Z', 'text', 'Борис', 'Ты во вторник выступаешь?'],
      ['2024-01-02T10:30:00Z', 'text', 'Анна Петрова', 'Да, в семь вечера.'],
      ['2024-01-02T10:31:00Z', 'text', 'Анна Петрова', 'Возьми конспект.'],
      ['2024-01-02T10:32:00Z', 'deleted', 'Анна Петрова', ''],
    ]);
    assert.match([...chat.messages][0]?.text ?? '', /^Сообщения и звонки защищены сквозным шифрованием/);
  });

  it('reads iOS ru: brackets, seconds, left-to-right marks, the notice sent "by" the other side', async () => {
    const chat = await read('ios-ru.txt');
    assert.deepEqual(
      summary(chat).map(([at, kind, author]) => [at, kind, author]),
      [
        ['2023-12-31T21:40:00Z', 'service', 'Борис'],
        ['2023-12-31T21:41:05Z', 'text', 'Анна Петрова'],
        ['2023-12-31T21:42:10Z', 'text', 'Борис'],
        ['2023-12-31T21:43:00Z', 'media', 'Анна Петрова'],
        ['2023-12-31T21:44:00Z', 'deleted', 'Борис'],
        ['2024-01-02T10:05:00Z', 'text', 'Борис'],
        ['2024-01-02T10:30:00Z', 'text', 'Анна Петрова'],
        ['2024-01-02T10:31:00Z', 'media', 'Анна Петрова'],
      ],
    );
    assert.deepEqual(chat.participants, [
      {
        name: 'Анна Петрова',
        messageCount: 4,
        firstMessageAt: '2023-12-31T21:41:05Z',
        lastMessageAt: '2024-01-02T10:31:00Z',
      },
      { name: 'Борис', messageCount: 3, firstMessageAt: '2023-12-31T21:42:10Z', lastMessageAt: '2024-01-02T10:05:00Z' },
    ]);
  });

  it('reads iOS en-US: month first, AM/PM, CRLF line endings, "audio omitted" as media', async () => {
    const chat = await read('ios-en-us.txt');
    assert.deepEqual(summary(chat).slice(1, 3), [
      ['2023-12-31T21:41:05Z', 'text', 'Alice Smith', 'Happy New Year!'],
      ['2023-12-31T21:42:10Z', 'text', 'Bob Jones', 'Thanks, you too!'],
    ]);
    assert.deepEqual(
      [...chat.messages].slice(3).map((m) => m.kind),
      ['media', 'media', 'text', 'text', 'deleted'],
    );
    assert.ok([...chat.messages].every((m) => !/[\r\u200e]/.test(m.text + m.author)));
  });

  it('orders ambiguous dates so the messages stay chronological', async () => {
    const chat = await read('ambiguous-dates.txt');
    assert.deepEqual(
      [...chat.messages].map((m) => m.at),
      ['2024-01-10T09:00:00Z', '2024-01-11T09:00:00Z', '2024-02-02T09:00:00Z'],
    );
  });

  it('falls back on the locale’s habits when every date fits both orders and one day', async () => {
    const firstDate = async (line: string) =>
      [...(await read('chat.txt', Buffer.from(line))).messages][0]?.at?.slice(0, 10);
    assert.equal(await firstDate('01.02.24, 10:00 - Anna: dotted dates are day-first'), '2024-02-01');
    assert.equal(await firstDate('1/2/24, 10:00 AM - Anna: the US 12-hour clock is month-first'), '2024-01-02');
    assert.equal(await firstDate('1/2/24, 10:00 - Anna: elsewhere it is day-first'), '2024-02-01');
  });

  it('refuses dates that contradict each other', async () => {
    const bytes = Buffer.from('13/01/24, 10:00 - Anna: day first\n01/13/24, 10:00 - Anna: month first\n');
    await assertFailure(
      read('chat.txt', bytes),
      'UNSUPPORTED_FORMAT',
      'The dates in this WhatsApp export mix day-first and month-first',
    );
  });

  it('treats any text iOS marks as its own as a notice, not as the group’s words', async () => {
    const bytes = Buffer.from(
      [
        "[1/2/24, 10:40:00\u202fAM] Lecture club: \u200eBob Jones joined using this group's invite link",
        '[1/2/24, 10:41:00\u202fAM] Bob Jones: Hello everyone',
      ].join('\r\n'),
    );
    const chat = await read('_chat.txt', bytes);
    assert.deepEqual(
      [...chat.messages].map((m) => m.kind),
      ['service', 'text'],
    );
    assert.deepEqual(chat.participants, [
      {
        name: 'Bob Jones',
        messageCount: 1,
        firstMessageAt: '2024-01-02T10:41:00Z',
        lastMessageAt: '2024-01-02T10:41:00Z',
      },
    ]);
  });

  it('tells attachments from text that merely looks like them', async () => {
    const bytes = Buffer.from(
      [
        '02.01.24, 10:31 - Anna: PTT-20240102-WA0003.opus (file attached)',
        '02.01.24, 10:32 - Anna: IMG-20240102-WA0004.jpg (файл добавлен)',
        '02.01.24, 10:33 - Anna: <grin>',
        '02.01.24, 10:34 - Anna: see report.pdf (draft)',
      ].join('\n'),
    );
    assert.deepEqual(
      [...(await read('chat.txt', bytes)).messages].map((m) => [m.kind, m.media?.fileName ?? m.text]),
      [
        ['voice', 'PTT-20240102-WA0003.opus'],
        ['media', 'IMG-20240102-WA0004.jpg'],
        ['text', '<grin>'],
        ['text', 'see report.pdf (draft)'],
      ],
    );
  });

  it('keeps a message whose date does not exist, without a time, and says so in the notes', async () => {
    const chat = await read(
      'chat.txt',
      Buffer.from('31.12.23, 21:41 - Anna: ok\n30.02.24, 10:00 - Anna: no such day\n'),
    );
    assert.deepEqual(
      [...chat.messages].map((m) => [m.at, m.text]),
      [
        ['2023-12-31T21:41:00Z', 'ok'],
        [null, 'no such day'],
      ],
    );
    assert.match(chat.notes[0] ?? '', /^1 message has no readable time \(message 2 of the export\)/);
    assert.deepEqual([chat.firstMessageAt, chat.lastMessageAt], ['2023-12-31T21:41:00Z', '2023-12-31T21:41:00Z']);
  });

  it('notices edited messages', async () => {
    const bytes = Buffer.from('05/03/2024, 19:05 - Anna: See you at seven <This message was edited>\n');
    const [message] = (await read('edited.txt', bytes)).messages;
    assert.deepEqual([message?.text, message?.edited], ['See you at seven', true]);
  });

  it('refuses a text that is not a chat export, and an empty one', async () => {
    await assertFailure(
      read('notes.txt', fixture('documents/notes-en.md')),
      'UNSUPPORTED_FORMAT',
      'This text is not a WhatsApp chat export: it does not start with a line like "31.12.23, 21:41 - Name: text"',
    );
    await assertFailure(read('empty.txt', Buffer.alloc(0)), 'EMPTY', 'The file contains no text');
  });

  it('fails when there are only notices', async () => {
    const bytes = Buffer.from('31.12.23, 21:40 - Сообщения и звонки защищены сквозным шифрованием.\n');
    await assertFailure(read('notices.txt', bytes), 'NO_MESSAGES', 'The export contains no messages');
  });
});

describe('WhatsApp export with media, zipped', () => {
  it('reads _chat.txt and transcribes the attached voice note', async () => {
    const transcribed: string[] = [];
    const { chatExport, voiceMessages } = await extractChatExport({
      bytes: fixture('chat-exports/whatsapp/WhatsApp Chat - Анна Петрова.zip'),
      fileName: 'WhatsApp Chat - Анна Петрова.zip',
      transcribe: async (_bytes, fileName) => {
        transcribed.push(fileName);
        return 'Я буду рада тебя видеть.';
      },
    });
    assert.deepEqual(transcribed, ['00000007-AUDIO-2024-01-02-10-31-00.opus']);
    assert.equal(voiceMessages.messageIds.length, 1);
    assert.deepEqual(
      [...chatExport.messages].map((m) => [m.author, m.kind, m.text]),
      [
        ['Борис', 'text', 'Ты во вторник выступаешь?'],
        ['Анна Петрова', 'voice', 'Я буду рада тебя видеть.'],
        ['Анна Петрова', 'text', 'Послушай, там всё сказано.'],
      ],
    );
  });
});
