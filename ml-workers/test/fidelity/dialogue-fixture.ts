import { readFile } from 'node:fs/promises';
import { parseWhatsAppExport } from '../../src/extraction/chat-exports/whatsapp-txt.ts';

/** tests/fixtures/dialogues: two clearly different people (see its README), as the real WhatsApp parser reads them. */
export const dialogueFixture = new URL(
  '../../../tests/fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt',
  import.meta.url,
);

export async function dialogueSpeakers(): Promise<{ marina: string[]; viktor: string[] }> {
  const chat = parseWhatsAppExport(await readFile(dialogueFixture, 'utf8'));
  const textsOf = (author: string) =>
    [...chat.messages].filter((message) => message.author === author && message.kind === 'text').map((m) => m.text);
  return { marina: textsOf('Марина Соколова'), viktor: textsOf('Виктор Лебедев') };
}

/** Every other item: two interleaved halves, each spread over the whole corpus. */
export function halves<T>(items: readonly T[]): [T[], T[]] {
  return [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];
}
