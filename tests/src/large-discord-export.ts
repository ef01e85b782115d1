/**
 * A DiscordChatExporter JSON export of a channel, of any size, written to a file as it is made: the tool's
 * layout (guild, channel, messages with author objects, attachments, reactions), Cyrillic content.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const discordPeople = ['Анна', 'Борис'] as const;
const words = ['сегодня', 'сервер', 'релиз', 'патч', 'вечером', 'посмотри', 'тесты', 'звонок', 'ветка', 'сборка'];
const start = Date.UTC(2021, 0, 1, 9, 0, 0);

/** Writes the export; resolves with how many messages it holds. */
export async function writeLargeDiscordExport(path: string, bytes: number): Promise<{ messages: number }> {
  const out = createWriteStream(path);
  let written = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '{\n  "guild": { "id": "1", "name": "Лаборатория", "iconUrl": "https://cdn.discordapp.com/embed/avatars/0.png" },\n' +
      '  "channel": { "id": "2", "type": "GuildTextChat", "categoryId": "3", "category": "Общее", "name": "разработка", "topic": null },\n' +
      '  "dateRange": { "after": null, "before": null },\n  "exportedAt": "2026-12-07T09:00:00+00:00",\n  "messages": [\n',
  );
  let n = 0;
  while (written < bytes) {
    const person = n % 2;
    const content = Array.from({ length: 6 + (n % 9) }, (_, i) => words[(n * 7 + i) % words.length]).join(' ');
    const message = {
      id: String(1_000_000 + n),
      type: n % 5 === 4 ? 'Reply' : 'Default',
      timestamp: new Date(start + n * 45_000).toISOString().replace('Z', '+00:00'),
      timestampEdited: null,
      callEndedTimestamp: null,
      isPinned: false,
      content,
      author: {
        id: String(10 + person),
        name: `user${person}`,
        discriminator: '0000',
        nickname: discordPeople[person],
        color: null,
        isBot: false,
        roles: [],
        avatarUrl: `https://cdn.discordapp.com/embed/avatars/${person}.png`,
      },
      attachments: [],
      embeds: [],
      stickers: [],
      reactions: n % 11 === 0 ? [{ emoji: { id: '', name: '👍', code: 'thumbsup', isAnimated: false }, count: 1 }] : [],
      mentions: [],
      ...(n % 5 === 4 && { reference: { messageId: String(1_000_000 + n - 1), channelId: '2', guildId: '1' } }),
    };
    await write(`${n === 0 ? '' : ',\n'}    ${JSON.stringify(message)}`);
    n++;
  }
  await write(`\n  ],\n  "messageCount": ${n}\n}\n`);
  out.end();
  await once(out, 'finish');
  return { messages: n };
}
