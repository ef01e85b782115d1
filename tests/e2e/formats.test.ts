import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { apiClient, type UploadResult } from '../src/api-client.ts';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const run = promisify(execFile);
const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url));

/** Each upload: the name a user's file has, and the committed fixture it is (see tests/fixtures). */
const uploads: Record<string, string> = {
  // Subtitles: WebVTT with an identifier, cue settings and a NOTE; with a BOM and CRLF; as ffmpeg writes it.
  'lecture.vtt': 'documents/lecture.vtt',
  'lecture-bom.vtt': 'documents/lecture.bom-crlf.vtt',
  'lecture-ffmpeg.vtt': 'documents/lecture.ffmpeg.vtt',
  'lecture.srt': 'documents/lecture.srt',
  'conférence.srt': 'documents/lecture-fr.srt',
  // Plain text in the encodings Russian texts come in, and beyond Russian and English.
  'lecture-cp1251.txt': 'documents/lecture-ru.cp1251.txt',
  'lecture-koi8r.txt': 'documents/lecture-ru.koi8r.txt',
  'lecture-utf16le.txt': 'documents/lecture-ru.utf16le-bom.txt',
  'lecture-utf16be.txt': 'documents/lecture-ru.utf16be.txt',
  'notes.md': 'documents/notes-en.md',
  'de-bello-gallico.txt': 'documents/latin.txt',
  'lecture.pdf': 'documents/lecture.pdf',
  'annotated.docx': 'documents/annotated.docx',
  'annotated-pandoc.docx': 'documents/annotated-pandoc.docx',
  'page.html': 'documents/page.html',
  'page-cp1251.html': 'documents/page.cp1251.html',
  'chapter.html': 'documents/chapter-xhtml.html',
  // Telegram: one chat as Desktop writes it, its zipped folder, and other tools' time fields.
  'result.json': 'chat-exports/telegram/personal-chat.json',
  'ChatExport_2024-03-05.zip': 'chat-exports/telegram/ChatExport_2024-03-05.zip',
  'telegram-unixtime.json': 'dialogues/telegram/telegram-unixtime.json',
  'telegram-utc.json': 'dialogues/telegram/telegram-utc.json',
  // WhatsApp: Android and iOS, 12- and 24-hour clocks, US, UK, ISO and Russian dates, with media.
  'WhatsApp Chat with Lecture club.txt': 'chat-exports/whatsapp/android-en-us.txt',
  'WhatsApp Chat with Alice Smith.txt': 'chat-exports/whatsapp/android-en-gb.txt',
  'WhatsApp Chat with Bob Jones.txt': 'chat-exports/whatsapp/android-iso.txt',
  'Чат WhatsApp с Борисом.txt': 'chat-exports/whatsapp/android-ru.txt',
  '_chat.txt': 'chat-exports/whatsapp/ios-en-us.txt',
  'WhatsApp Chat - Борис.txt': 'chat-exports/whatsapp/ios-ru.txt',
  'WhatsApp Chat - Анна Петрова.zip': 'chat-exports/whatsapp/WhatsApp Chat - Анна Петрова.zip',
};
/** Files whose content is not what their name says: refused at the door, each with its code. */
const disguises: Record<string, string> = {
  'song.mp3': 'documents/text-named.mp3',
  'notes.txt': 'documents/binary-named.txt',
  'paper.pdf': 'documents/word-named.pdf',
  'subtitles.vtt': 'uploads/tone.mp3',
};

type Material = {
  id: string;
  fileName: string;
  state: string;
  language: string | null;
  durationSec: number | null;
  failure: { code: string; reason: string } | null;
  decoded: { durationSec: number | null; channels: number | null; sampleRate: number | null } | null;
  notes: string[];
  participants: string[];
  chat: {
    firstMessageAt: string | null;
    lastMessageAt: string | null;
    timeZoneKnown: boolean;
    participants: { name: string; messageCount: number; firstMessageAt: string | null; lastMessageAt: string | null }[];
  } | null;
  text: string | null;
};

/**
 * Every format the README lists, uploaded over real HTTP to a real `bishop
 * start` as a user would, read back through GraphQL once extracted.
 */
describe('every listed format imports through the gateway (bishop start with the test models)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let avatarId: string;
  let results: UploadResult[];
  let byName: Map<string, Material>;

  before(async () => {
    dataDir = await temporaryDirectory('formats');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    api = apiClient(bishop.url);
    token = await api.signUp('formats@example.org', 'Лектор');
    avatarId = (await api.createAvatar(token, 'Лектор')).avatarId;
    // A recording that decodes but holds no speech: 3 s of stereo silence at 44.1 kHz.
    const silence = join(dataDir.path, 'silence.wav');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo', '-t', '3', silence]);
    const files = await Promise.all(
      Object.entries({ ...uploads, ...disguises }).map(async ([name, path]) => ({ name, bytes: await fixture(path) })),
    );
    ({ results } = await api.uploadFiles(token, avatarId, [
      ...files,
      { name: 'silence.wav', bytes: await readFile(silence) },
    ]));
    await eventually(async () => {
      const materials = await read();
      return materials.length > 0 && materials.every((m) => m.state === 'READY' || m.state === 'FAILED');
    }, 240_000);
    byName = new Map((await read()).map((material) => [material.fileName, material]));
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  async function read(): Promise<Material[]> {
    const result = await api.gql(
      `query($a: ID!) { avatar(id: $a) { materials {
        id fileName state language durationSec failure { code reason }
        decoded { durationSec channels sampleRate } notes participants
        chat { firstMessageAt lastMessageAt timeZoneKnown participants { name messageCount firstMessageAt lastMessageAt } }
        text(maxChars: 5000)
      } } }`,
      { a: avatarId },
      { token },
    );
    return (result.data?.avatar?.materials ?? []) as Material[];
  }
  const material = (name: string): Material => {
    const found = byName.get(name);
    assert.ok(found, `${name} was not stored`);
    return found;
  };

  it('accepts each format whose content agrees with its name, and refuses the disguised ones by code', () => {
    for (const name of [...Object.keys(uploads), 'silence.wav']) {
      const result = results.find((r) => r.fileName === name);
      assert.ok(result?.materialId, `${name}: ${JSON.stringify(result?.error)}`);
    }
    for (const name of Object.keys(disguises)) {
      const result = results.find((r) => r.fileName === name);
      assert.equal(result?.error?.bishopCode, 'BISHOP_ERR_FILE_DISGUISED', name);
    }
    for (const name of Object.keys(uploads)) {
      assert.equal(material(name).state, 'READY', `${name}: ${material(name).failure?.reason}`);
    }
  });

  it('reads WebVTT with and without a byte order mark, with cue settings, identifiers and notes, and SRT', () => {
    for (const name of ['lecture.vtt', 'lecture-bom.vtt', 'lecture-ffmpeg.vtt', 'lecture.srt']) {
      const { text, language, durationSec } = material(name);
      assert.match(text ?? '', /^Добрый вечер, коллеги\.\nСегодня мы поговорим/, name);
      assert.doesNotMatch(text ?? '', /WEBVTT|NOTE|-->|align:|intro|\ufeff/, name);
      assert.deepEqual([language, durationSec], ['ru', 71.25], name);
    }
  });

  it('decodes text in CP1251, KOI8-R and UTF-16, and names languages beyond Russian and English', () => {
    for (const name of ['lecture-cp1251.txt', 'lecture-koi8r.txt', 'lecture-utf16le.txt', 'lecture-utf16be.txt']) {
      assert.match(material(name).text ?? '', /^О радио и его изобретателях\n\nДобрый вечер, коллеги/, name);
      assert.equal(material(name).language, 'ru', name);
    }
    assert.equal(material('conférence.srt').language, 'fr');
    assert.equal(material('de-bello-gallico.txt').language, 'la');
    assert.equal(material('notes.md').language, 'en');
  });

  it('reads PDF, DOCX with its footnotes, endnotes, comments and tables, and HTML (XHTML too)', () => {
    assert.match(material('lecture.pdf').text ?? '', /Александр Попов показал грозоотметчик/);
    const docx = material('annotated.docx').text ?? '';
    for (const part of [
      'Footnote 1: Опыты 1887–1888 годов в Карлсруэ.',
      'Endnote 1: Заседание Русского физико-химического общества, 7 мая.',
      'Comment (Анна Петрова): Проверить дату патента.',
      'Попов | 1895',
    ]) {
      assert.ok(docx.includes(part), `annotated.docx lacks "${part}"`);
    }
    assert.match(material('annotated-pandoc.docx').text ?? '', /Footnote 1: .*\n\n.*Comment \(Анна Петрова\)/s);
    assert.match(material('page.html').text ?? '', /^Заметки лектора/);
    assert.equal(material('page-cp1251.html').text, material('page.html').text);
    assert.match(material('chapter.html').text ?? '', /^О радио и его изобретателях/);
  });

  it('reads Telegram exports with each participant’s count and first and last message, in UTC', () => {
    const desktop = material('result.json');
    assert.deepEqual(desktop.chat, {
      firstMessageAt: '2024-03-05T16:05:00.000Z',
      lastMessageAt: '2024-03-06T18:31:00.000Z',
      timeZoneKnown: true,
      participants: [
        {
          name: 'Boris Ivanov',
          messageCount: 7,
          firstMessageAt: '2024-03-05T16:05:00.000Z',
          lastMessageAt: '2024-03-06T18:30:00.000Z',
        },
        {
          name: 'Анна Петрова',
          messageCount: 6,
          firstMessageAt: '2024-03-05T16:10:00.000Z',
          lastMessageAt: '2024-03-06T18:31:00.000Z',
        },
      ],
    });
    assert.deepEqual(material('ChatExport_2024-03-05.zip').chat, desktop.chat);
    // Unix times only, and dates ending in Z: the same moments (10:00 in Moscow is 07:00 UTC).
    for (const name of ['telegram-unixtime.json', 'telegram-utc.json']) {
      const { chat, notes } = material(name);
      assert.deepEqual(
        [chat?.firstMessageAt, chat?.lastMessageAt, chat?.timeZoneKnown, notes],
        ['2024-02-02T07:00:00.000Z', '2024-04-28T07:22:00.000Z', true, []],
        name,
      );
      assert.deepEqual(
        chat?.participants.map((p) => p.name),
        ['Марина Соколова', 'Виктор Лебедев'],
      );
    }
  });

  it('reads WhatsApp from Android and iOS in every clock and date order, saying its times carry no zone', () => {
    const newYear = (name: string, people: [string, string], firstAt: string) => {
      const { chat, notes, participants } = material(name);
      assert.deepEqual(participants, people, name);
      assert.equal(chat?.timeZoneKnown, false, name);
      assert.equal(chat?.firstMessageAt, firstAt, name);
      assert.match(notes.join(' '), /without a time zone/, name);
    };
    const english: [string, string] = ['Alice Smith', 'Bob Jones'];
    const russian: [string, string] = ['Анна Петрова', 'Борис'];
    newYear('WhatsApp Chat with Lecture club.txt', english, '2023-12-31T21:41:00.000Z');
    newYear('WhatsApp Chat with Alice Smith.txt', english, '2023-12-31T21:41:00.000Z');
    newYear('WhatsApp Chat with Bob Jones.txt', english, '2023-12-31T21:41:00.000Z');
    newYear('Чат WhatsApp с Борисом.txt', russian, '2023-12-31T21:41:00.000Z');
    newYear('_chat.txt', english, '2023-12-31T21:41:05.000Z');
    newYear('WhatsApp Chat - Борис.txt', russian, '2023-12-31T21:41:05.000Z');
    assert.ok(material('WhatsApp Chat - Анна Петрова.zip').chat?.participants.length);
  });

  it('shows what a recording without speech decoded beside the failure', () => {
    const silence = material('silence.wav');
    assert.equal(silence.state, 'FAILED');
    assert.equal(silence.failure?.code, 'NO_SPEECH');
    assert.equal(silence.decoded?.channels, 2);
    assert.equal(silence.decoded?.sampleRate, 44_100);
    assert.ok(Math.abs((silence.decoded?.durationSec ?? 0) - 3) < 0.1, `duration ${silence.decoded?.durationSec}`);
  });
});
