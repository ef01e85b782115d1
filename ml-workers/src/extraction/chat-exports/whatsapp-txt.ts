import { ExtractionFailure } from '../extraction-failure.ts';
import { type ChatExport, type ChatMessage, toChatExport } from './chat-export.ts';
import { fromIsoDateTime } from './chat-time.ts';
import { classifyContent } from './whatsapp-content.ts';
import { localTimestamp, resolveDateOrder } from './whatsapp-dates.ts';
import { parseHeader, type WhatsAppHeader } from './whatsapp-header.ts';

type Entry = { header: WhatsAppHeader; lines: string[] };

// "Name: text" — a name never spans lines and is short; everything after the first ": " is the message.
const AUTHOR_AND_TEXT = /^([^:\n]{1,100}?): ([\s\S]*)$/u;

/** A WhatsApp "Export chat" text file (Android or iOS layout, any common locale). */
export function parseWhatsAppExport(text: string, chatName: string | null = null): ChatExport {
  const entries = splitIntoEntries(text.replace(/\r\n?/g, '\n'));
  const order = resolveDateOrder(
    entries.map((e) => e.header),
    entries.some((e) => e.header.twelveHourClock),
  );
  // WhatsApp writes the phone's wall clock without a zone; an impossible date (31.02) is reported, not fatal.
  const messages = entries.map(
    (entry, index): ChatMessage => ({
      id: index + 1,
      at: fromIsoDateTime(localTimestamp(entry.header, order)).at,
      ...contentOf(entry.lines.join('\n').trimEnd()),
    }),
  );
  return toChatExport('whatsapp', chatName, messages, { zoneKnown: false });
}

/** Each message starts with a timestamp line; the lines after it until the next one continue it. */
function splitIntoEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  const lines = text.replace(/^\ufeff/, '').split('\n');
  for (const line of lines) {
    const header = parseHeader(line);
    const current = entries.at(-1);
    if (header) entries.push({ header, lines: [header.rest] });
    else if (current) current.lines.push(line);
    else if (line.trim() !== '') throw notWhatsApp('it does not start with a line like "31.12.23, 21:41 - Name: text"');
  }
  if (entries.length === 0) throw notWhatsApp('it has no message lines');
  return entries;
}

function contentOf(rest: string): Omit<ChatMessage, 'id' | 'at'> {
  // Android writes notices (joins, group changes, encryption) without an author.
  const found = AUTHOR_AND_TEXT.exec(rest);
  if (!found) return { author: '', text: rest.trim(), kind: 'service', forwarded: false, edited: false };
  const [, author = '', body = ''] = found;
  const { kind, text, edited, media } = classifyContent(body);
  return { author: author.trim(), text, kind, forwarded: false, edited, ...(media && { media }) };
}

function notWhatsApp(why: string): ExtractionFailure {
  return new ExtractionFailure('UNSUPPORTED_FORMAT', `This text is not a WhatsApp chat export: ${why}`);
}
