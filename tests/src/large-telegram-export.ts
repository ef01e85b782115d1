/**
 * A Telegram Desktop export of any size, written to a file as it is made (never held whole), for tests and
 * benchmarks of memory: the real result.json layout, pretty-printed with one space like Telegram Desktop,
 * Cyrillic text (two bytes a letter), formatted text as entity arrays, replies and voice messages.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export type LargeTelegramExport = {
  /** Stop once the file is at least this large. */
  bytes: number;
  /** 'account': "Export Telegram data", the big chat among two small ones, chosen by name. */
  form: 'chat' | 'account';
  /** Each Nth message is a voice message at voice_messages/audio_N.ogg (0: none). */
  voiceEvery?: number;
};

export const bigChatName = 'Борис Кузнецов';
const people = ['Анна Петрова', bigChatName] as const;
const words = ['сегодня', 'опыт', 'лекция', 'радио', 'антенна', 'вечером', 'посмотри', 'формула', 'звонок', 'дача'];
const start = Date.UTC(2019, 0, 1, 9, 0, 0) / 1000;

/** Writes the export; resolves with how many messages the big chat holds and how many are voice messages. */
export async function writeLargeTelegramExport(
  path: string,
  options: LargeTelegramExport,
): Promise<{ messages: number; voiceMessages: number }> {
  const out = createWriteStream(path);
  let written = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const account = options.form === 'account';
  if (account) {
    await write(
      '{\n "about": "Here is the data you requested.",\n "chats": {\n  "about": "This page lists all chats.",\n  "list": [\n',
    );
    await write(`${smallChat('Работа', 1001)},\n`);
  }
  await write(`{\n "name": ${JSON.stringify(bigChatName)},\n "type": "personal_chat",\n "id": 4242,\n "messages": [\n`);
  let count = 0;
  let voices = 0;
  while (written < options.bytes) {
    const batch: string[] = [];
    for (let i = 0; i < 1000; i++, count++) {
      const voice = options.voiceEvery !== undefined && options.voiceEvery > 0 && count % options.voiceEvery === 0;
      if (voice) voices++;
      batch.push(message(count + 1, voice));
    }
    await write((count > 1000 ? ',\n' : '') + batch.join(',\n'));
  }
  await write('\n ]\n}');
  if (account) await write(`,\n${smallChat('Семья', 1002)}\n  ]\n },\n "left_chats": {\n  "list": []\n }\n}`);
  await write('\n');
  out.end();
  await once(out, 'finish');
  return { messages: count, voiceMessages: voices };
}

function message(id: number, voice: boolean): string {
  const unix = start + id * 97;
  const from = people[id % 2] as string;
  const fields: Record<string, unknown> = {
    id,
    type: 'message',
    date: new Date(unix * 1000).toISOString().slice(0, 19),
    date_unixtime: String(unix),
    from,
    from_id: `user${1000 + (id % 2)}`,
  };
  if (id % 50 === 0) fields.reply_to_message_id = id - 1;
  if (voice) {
    Object.assign(fields, {
      file: `voice_messages/audio_${id}.ogg`,
      media_type: 'voice_message',
      mime_type: 'audio/ogg',
      duration_seconds: 3,
      text: '',
      text_entities: [],
    });
  } else if (id % 7 === 0) {
    const bold = phrase(id + 3);
    fields.text = [`${phrase(id)} `, { type: 'bold', text: bold }];
    fields.text_entities = [
      { type: 'plain', text: `${phrase(id)} ` },
      { type: 'bold', text: bold },
    ];
  } else {
    const text = `${phrase(id)} (${id})`;
    fields.text = text;
    fields.text_entities = [{ type: 'plain', text }];
  }
  // Telegram Desktop's layout: one space per level, messages at the third.
  return JSON.stringify(fields, null, 1).replace(/^/gm, '  ');
}

function phrase(n: number): string {
  return Array.from({ length: 4 + (n % 9) }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(' ');
}

function smallChat(name: string, id: number): string {
  const messages = [message(1, false), message(2, false)].join(',\n');
  return `   {\n "name": ${JSON.stringify(name)},\n "type": "personal_chat",\n "id": ${id},\n "messages": [\n${messages}\n ]\n}`;
}
