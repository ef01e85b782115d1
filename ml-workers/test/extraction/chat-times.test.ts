import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromIsoDateTime, fromUnixSeconds, instantMs } from '../../src/extraction/chat-exports/chat-time.ts';
import { type ChatExport, dialoguePairs, extractChatExport, personWords } from '../../src/extraction/index.ts';
import { fixture } from './fixtures.ts';

const MARINA = 'Марина Соколова';
const read = async (path: string, bytes = fixture(`dialogues/${path}`)): Promise<ChatExport> =>
  (await extractChatExport({ bytes, fileName: path.split('/').pop() ?? path })).chatExport;
const telegramStyles = ['desktop', 'unixtime', 'utc', 'offset'] as const;

describe('message times: the exact instant, whatever the export carries', () => {
  it('reads Telegram’s date_unixtime, dates with Z, with an offset, and Desktop’s local date beside its Unix time', async () => {
    const [desktop, ...others] = await Promise.all(
      telegramStyles.map((style) => read(`telegram/telegram-${style}.json`)),
    );
    assert.ok(desktop);
    // 10:00 in Moscow (UTC+3) is 07:00 UTC.
    assert.equal([...desktop.messages][0]?.at, '2024-02-02T07:00:00Z');
    assert.deepEqual([desktop.firstMessageAt, desktop.lastMessageAt], ['2024-02-02T07:00:00Z', '2024-04-28T07:22:00Z']);
    assert.equal(desktop.timeZoneKnown, true);
    assert.deepEqual(desktop.notes, []);
    for (const chat of others) {
      assert.deepEqual(
        [...chat.messages].map((m) => m.at),
        [...desktop.messages].map((m) => m.at),
      );
      assert.deepEqual(chat.participants, desktop.participants);
    }
    assert.ok([...desktop.messages].every((m) => m.at !== null && !Number.isNaN(Date.parse(m.at))));
  });

  it('gives the same dialogue pairs from every Telegram form as from the WhatsApp export of the same chat', async () => {
    const whatsapp = await read('WhatsApp Chat - Марина Соколова.txt');
    const expected = dialoguePairs(whatsapp, MARINA).map(({ prompt, reply }) => ({ prompt, reply }));
    // 187 answers in all; 8 came more than 6 hours after the message before them, so 179 pairs.
    assert.equal(expected.length, 179);
    assert.equal(dialoguePairs(whatsapp, MARINA, { maxGapHours: 1e6 }).length, 187);
    for (const style of telegramStyles) {
      const chat = await read(`telegram/telegram-${style}.json`);
      const pairs = dialoguePairs(chat, MARINA).map(({ prompt, reply }) => ({ prompt, reply }));
      assert.deepEqual(pairs, expected, `telegram-${style}.json`);
      // The merge rule: with a 3-minute gap, the same side's messages no longer join across pauses.
      assert.equal(dialoguePairs(chat, MARINA, { maxGapHours: 0.05 }).length, 118, `telegram-${style}.json`);
    }
  });

  it('WhatsApp’s wall clock has no zone: kept as written and said so', async () => {
    const whatsapp = await read('WhatsApp Chat - Марина Соколова.txt');
    assert.equal([...whatsapp.messages][0]?.at, '2024-02-02T10:00:00Z');
    assert.equal(whatsapp.timeZoneKnown, false);
    assert.match(whatsapp.notes.join(' '), /without a time zone/);
  });

  it('reports a time it cannot read in the notes, never as NaN, and keeps the message in place', async () => {
    const json = JSON.stringify({
      name: 'Борис',
      type: 'personal_chat',
      id: 7,
      messages: [
        { id: 1, type: 'message', date_unixtime: '1709654700', from: 'Борис', from_id: 'user1', text: 'Ты придёшь?' },
        { id: 2, type: 'message', date: 'вчера вечером', from: 'Анна', from_id: 'user2', text: 'Да,' },
        { id: 3, type: 'message', date: '2024-03-05T16:06:00Z', from: 'Анна', from_id: 'user2', text: 'к семи.' },
        { id: 4, type: 'message', date: '2024-03-05T16:07:00Z', from: 'Борис', from_id: 'user1', text: 'Отлично' },
      ],
    });
    const chat = await read('result.json', Buffer.from(json));
    assert.deepEqual(
      [...chat.messages].map((m) => m.at),
      ['2024-03-05T16:05:00Z', null, '2024-03-05T16:06:00Z', '2024-03-05T16:07:00Z'],
    );
    assert.deepEqual(chat.notes, [
      '1 message has no readable time (message 2 of the export): they keep their place in the chat, and no reply gap is measured across them.',
    ]);
    assert.deepEqual(personWords(chat, 'Анна'), ['Да,\nк семи.']);
    assert.deepEqual(
      dialoguePairs(chat, 'Анна').map((p) => [p.prompt, p.reply, p.at]),
      [['Ты придёшь?', 'Да,\nк семи.', null]],
    );
    const anna = chat.participants.find((p) => p.name === 'Анна');
    assert.deepEqual(anna, {
      name: 'Анна',
      messageCount: 2,
      firstMessageAt: '2024-03-05T16:06:00Z',
      lastMessageAt: '2024-03-05T16:06:00Z',
    });
  });
});

describe('reading one time', () => {
  it('reads every zone notation to the same instant', () => {
    for (const written of [
      '2024-03-05T19:05:00+03:00',
      '2024-03-05T19:05:00+0300',
      '2024-03-05T19:05:00+03',
      '2024-03-05T16:05:00Z',
      '2024-03-05T16:05:00.000Z',
      '2024-03-05 16:05:00Z',
    ]) {
      assert.deepEqual(fromIsoDateTime(written), { at: '2024-03-05T16:05:00Z', zoneKnown: true }, written);
    }
    assert.deepEqual(fromIsoDateTime('2024-03-05T19:05:00'), { at: '2024-03-05T19:05:00Z', zoneKnown: false });
    assert.deepEqual(fromUnixSeconds('1709654700'), { at: '2024-03-05T16:05:00Z', zoneKnown: true });
    assert.deepEqual(fromUnixSeconds(1709654700), { at: '2024-03-05T16:05:00Z', zoneKnown: true });
  });

  it('gives null for what is not a time, never an Invalid Date', () => {
    for (const written of ['', 'вчера', '2024-02-30T10:00:00Z', '2024-03-05T16:05:00ZZ', '99999999999999', null, {}]) {
      assert.equal(fromIsoDateTime(written).at, null, String(written));
    }
    assert.equal(fromUnixSeconds('1e400').at, null);
    assert.equal(fromUnixSeconds(Number.NaN).at, null);
    assert.equal(fromUnixSeconds(1e20).at, null);
  });

  it('reads chats stored before times carried their zone, and those stored with none', () => {
    assert.equal(instantMs('2024-03-05T19:05:00'), Date.UTC(2024, 2, 5, 19, 5));
    assert.equal(instantMs('2024-03-05T19:05:00Z'), Date.UTC(2024, 2, 5, 19, 5));
    assert.equal(instantMs(''), null);
    assert.equal(instantMs(null), null);
  });
});
