import { DOMParser } from 'linkedom';
import type { ChatMessageKind } from './chat-export.ts';
import { fromIsoDateTime } from './chat-time.ts';
import type { Conversation, DraftMessage } from './conversations.ts';

// "4 мар 2024 в 10:00:00" (Russian interface) or "4 Mar 2024 at 10:00:00" (English); "(ред.)"/"(edited)" may follow.
const HEADER_TIME = /(\d{1,2}) ([а-яёa-z]{3,4})\.? (\d{4}) (?:в|at) (\d{1,2}):(\d{2})(?::(\d{2}))?/iu;
const MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const VOICE = /^(?:Голосовое сообщение|Voice message|Аудиосообщение)/i;

/**
 * One messagesN.html page of VK's data archive ("messages/<peer>/messages0.html").
 * Each `.message` has a header "Name, date" ("Вы"/"You" for the archive's owner)
 * and the text, with attachments described in `.kludges`. VK writes the
 * owner's local time without a zone.
 */
export function vkPageMessages(html: string): { title: string | null; messages: DraftMessage[] } {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const crumbs = [...document.querySelectorAll('.ui_crumb')].map((crumb) => crumb.textContent?.trim() ?? '');
  const messages = [...document.querySelectorAll('.message')].map((node): DraftMessage => {
    const header = node.querySelector('.message__header');
    const headerText = header?.textContent?.trim() ?? '';
    const author = headerText
      .slice(0, Math.max(0, headerText.search(HEADER_TIME)))
      .replace(/,\s*$/, '')
      .trim();
    const kludges = node.querySelector('.kludges');
    const descriptions = [...(kludges?.querySelectorAll('.attachment__description') ?? [])].map(
      (d) => d.textContent?.trim() ?? '',
    );
    kludges?.remove();
    header?.remove();
    const text = textOf(node);
    const kind: ChatMessageKind = descriptions.some((d) => VOICE.test(d))
      ? 'voice'
      : descriptions.length > 0 && text === ''
        ? 'media'
        : 'text';
    return {
      ...(node.getAttribute('data-id') && { ref: node.getAttribute('data-id') ?? '' }),
      at: vkTime(headerText),
      author: author || 'Unknown',
      text,
      forwarded: false,
      edited: /\((?:ред\.|edited)\)/i.test(headerText),
      kind,
      // VK's archive links attachments on its servers; the files are not in it.
      ...(kind !== 'text' && { media: { fileName: null } }),
    };
  });
  return { title: crumbs.at(-1) || null, messages };
}

/** The pages of one peer's folder as a conversation (VK splits a chat into pages of 50). */
export function vkConversation(
  name: string,
  pages: readonly { title: string | null; messages: DraftMessage[] }[],
): Conversation {
  return { name: pages.find((page) => page.title)?.title ?? name, messages: pages.flatMap((page) => page.messages) };
}

type TextNode = {
  querySelectorAll(selector: string): Iterable<{ replaceWith(text: string): void }>;
  textContent: string | null;
};

function textOf(node: TextNode): string {
  for (const br of node.querySelectorAll('br')) br.replaceWith('\n');
  return (node.textContent ?? '').replace(/[ \t]+\n/g, '\n').trim();
}

function vkTime(header: string): string | null {
  const found = HEADER_TIME.exec(header);
  if (!found) return null;
  const [, day, monthName = '', year, hour, minute, second] = found;
  const lower = monthName.toLowerCase();
  const index = Math.max(
    MONTHS.findIndex((m) => lower.startsWith(m)),
    MONTHS_EN.findIndex((m) => lower.startsWith(m)),
  );
  if (index < 0) return null;
  const pad = (value: string | number | undefined) => String(value ?? 0).padStart(2, '0');
  return fromIsoDateTime(`${year}-${pad(index + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`).at;
}
