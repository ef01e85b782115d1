import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttachmentOffer } from '../../src/extraction/email/attachment-offers.ts';
import { readMbox } from '../../src/extraction/email/read-mail.ts';
import { asOnePerson, dialoguePairs, extractChatExport, personWords } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const ANNA = 'Анна Петрова <anna.petrova@example.ru>';
const BORIS = 'Борис Иванов <boris@example.ru>';
const ANNA_WORK = 'Anna Petrova <a.petrova@work.example>';
const read = (name: string, transcribe?: (bytes: Uint8Array, fileName: string) => Promise<string>) =>
  extractChatExport({ bytes: fixture(`mail/${name}`), fileName: name, ...(transcribe && { transcribe }) });

describe('An mbox written by Python’s mailbox', () => {
  it('lists each sender address with its letters and dates, exact to the instant', async () => {
    const { chatExport } = await read('anna.mbox');
    assert.equal(chatExport.source, 'email');
    const byName = new Map(chatExport.participants.map((p) => [p.name, p]));
    assert.deepEqual(
      [...byName.keys()].sort(),
      [ANNA, 'Anna Petrova <a.petrova@work.example>', BORIS, 'Shop <news@shop.example>'].sort(),
    );
    assert.equal(byName.get(BORIS)?.messageCount, 3);
    // "Mon, 04 Mar 2024 10:00:00 +0300" is 07:00 UTC.
    assert.equal(byName.get(BORIS)?.firstMessageAt, '2024-03-04T07:00:00Z');
    assert.equal(chatExport.timeZoneKnown, true);
  });

  it('decodes KOI8-R quoted-printable, CP1251 base64, ISO-2022-JP and HTML-only letters', async () => {
    const { chatExport } = await read('anna.mbox');
    const texts = [...chatExport.messages].map((m) => m.text);
    assert.ok(texts.includes('Аня, привет! Ты поедешь в субботу на дачу?\nНапиши, пожалуйста.'), texts.join('|'));
    assert.ok(texts.includes('お元気ですか。来週の会議の資料を送ります。'));
    assert.ok(
      texts.some((t) => t.startsWith('Great, I will bring the fishing rods.')),
      texts.join('|'),
    );
  });

  it('keeps only the person’s own words: no quote, signature or forwarded letter', async () => {
    const { chatExport } = await read('anna.mbox');
    assert.deepEqual(personWords(chatExport, ANNA), [
      'Привет, Боря! Поеду, но только после обеда.\nВозьми, пожалуйста, удочки.',
      'Отправляю голосовое и документ.',
    ]);
    const work = personWords(chatExport, 'Anna Petrova <a.petrova@work.example>');
    // The ">From" escape of mboxo loses its ">" again.
    assert.deepEqual(work, ['Thanks! See you on Saturday.\nFrom now on I will write from this address.']);
    const great = [...chatExport.messages].find((m) => m.text.startsWith('Great'));
    assert.doesNotMatch(great?.text ?? '', /Привет|wrote/);
  });

  it('pairs each of the person’s letters with the letter it answers, days apart or not', async () => {
    const { chatExport } = await read('anna.mbox');
    const pairs = dialoguePairs(chatExport, ANNA).map(({ prompt, reply }) => [prompt, reply]);
    assert.deepEqual(pairs, [
      [
        'Аня, привет! Ты поедешь в субботу на дачу?\nНапиши, пожалуйста.',
        'Привет, Боря! Поеду, но только после обеда.\nВозьми, пожалуйста, удочки.',
      ],
      ['お元気ですか。来週の会議の資料を送ります。', 'Отправляю голосовое и документ.'],
    ]);
    const work = dialoguePairs(chatExport, 'Anna Petrova <a.petrova@work.example>');
    assert.equal(work[0]?.prompt.startsWith('Great, I will bring the fishing rods.'), true);
  });

  it('takes both of the person’s addresses as one person: all their letters, every answer they sent', async () => {
    const { chatExport } = await read('anna.mbox');
    const { chat, person } = asOnePerson(chatExport, [ANNA, ANNA_WORK]);
    assert.equal(person, ANNA);
    assert.deepEqual(
      chat.participants.map((p) => [p.name, p.messageCount]),
      [
        [ANNA, 4],
        [BORIS, 3],
        ['Shop <news@shop.example>', 1],
      ],
    );
    assert.deepEqual(personWords(chat, person), [
      'Привет, Боря! Поеду, но только после обеда.\nВозьми, пожалуйста, удочки.',
      'Thanks! See you on Saturday.\nFrom now on I will write from this address.',
      'Отправляю голосовое и документ.',
    ]);
    const replies = dialoguePairs(chat, person).map(({ reply }) => reply.split('\n')[0]);
    assert.deepEqual(replies, [
      'Привет, Боря! Поеду, но только после обеда.',
      'Thanks! See you on Saturday.',
      'Отправляю голосовое и документ.',
    ]);
  });

  it('transcribes a recording attached to a letter like a voice message, and names the documents left out', async () => {
    const calls: string[] = [];
    const { chatExport } = await read('anna.mbox', async (bytes, fileName) => {
      calls.push(`${fileName} ${Buffer.from(bytes.subarray(0, 4)).toString('latin1')}`);
      return 'Я буду рада тебя видеть.';
    });
    assert.deepEqual(calls, ['voice.ogg OggS']);
    const voice = [...chatExport.messages].find((m) => m.kind === 'voice');
    assert.equal(voice?.text, 'Отправляю голосовое и документ.\nЯ буду рада тебя видеть.');
    assert.ok(
      chatExport.notes.some((note) => note.includes('lecture.pdf')),
      chatExport.notes.join('|'),
    );
  });

  it('reads the mailbox as it streams, in chunks that cut lines anywhere', async () => {
    const bytes = fixture('mail/anna.mbox');
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += 997) yield bytes.subarray(at, at + 997);
    }
    const { chatExport } = await readMbox(chunks());
    assert.equal(chatExport.messages.length, 8);
  });

  it('keeps only the beginning of a letter longer than the limit, and says so', async () => {
    const { chatExport } = await readMbox([fixture('mail/anna.mbox')], { maxMessageBytes: 4096, maxMessages: 100 });
    assert.ok(
      chatExport.notes.some((note) => /longer than/.test(note)),
      chatExport.notes.join('|'),
    );
    assert.ok([...chatExport.messages].some((m) => m.text === 'Отправляю голосовое и документ.'));
  });
});

describe('Single letters', () => {
  it('reads one .eml', async () => {
    const { chatExport } = await read('reply.eml');
    assert.deepEqual(
      chatExport.participants.map((p) => p.name),
      [ANNA],
    );
  });

  it('reads a zipped folder of .eml files and links the replies', async () => {
    const { chatExport } = await read('letters.zip');
    assert.equal(chatExport.messages.length, 4);
    assert.equal(dialoguePairs(chatExport, ANNA).length, 1);
  });

  it('offers each document and recording attached, with the letter it came with, byte for byte', async () => {
    const kept: [AttachmentOffer, Buffer][] = [];
    const keepAttachment = async (offer: AttachmentOffer, bytes: Uint8Array) => {
      kept.push([offer, Buffer.from(bytes)]);
    };
    await extractChatExport({ bytes: fixture('mail/anna.mbox'), fileName: 'anna.mbox', keepAttachment });
    await extractChatExport({ bytes: fixture('mail/attachments.eml'), fileName: 'a.eml', keepAttachment });
    const files = ['mail/voice.ogg', 'documents/lecture.pdf', 'documents/lecture.docx'];
    const more = ['documents/binary-named.txt', 'documents/lecture-ru.utf8.txt'];
    assert.deepEqual(
      kept.map(([o, bytes], i) => [
        o.id,
        o.fileName,
        o.from,
        o.subject,
        bytes.equals(fixture([...files, ...more][i] ?? '')),
      ]),
      [
        [1, 'voice.ogg', ANNA, 'Re: 資料', true],
        [2, 'lecture.pdf', ANNA, 'Re: 資料', true],
        [1, 'lecture.docx', ANNA, 'Материалы к лекции', true],
        [2, 'notes.txt', ANNA, 'Материалы к лекции', true],
        [3, '../../etc/lecture.txt', ANNA, 'Материалы к лекции', true],
      ],
    );
    assert.equal(kept[2]?.[0].at, '2024-03-09T09:00:00Z');
    assert.equal(kept[1]?.[0].mediaType, 'application/pdf');
  });

  it('refuses a text that is neither a mailbox nor a chat, with a reason', async () => {
    await assertFailure(readMbox([fixture('mail/not-mail.mbox')]), 'UNSUPPORTED_FORMAT', /not an mbox/);
  });
});
