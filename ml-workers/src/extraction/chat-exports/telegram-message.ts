import type { ChatMedia, ChatMessage } from './chat-export.ts';
import { type ChatTime, fromIsoDateTime, fromUnixSeconds } from './chat-time.ts';
import { flattenTelegramText, type TelegramText } from './telegram-text.ts';

/** One element of `messages` in Telegram Desktop's result.json (the fields we read). */
export type TelegramMessage = {
  id?: number;
  type?: string;
  /** Local time of the exporting computer, no zone (Telegram Desktop); other tools write `Z` or an offset. */
  date?: string;
  /** The exact instant, in seconds (Telegram Desktop since 2021). */
  date_unixtime?: string | number;
  from?: string | null;
  from_id?: string;
  actor?: string | null;
  actor_id?: string;
  text?: TelegramText;
  reply_to_message_id?: number;
  forwarded_from?: string | null;
  edited?: string;
  media_type?: string;
  file?: string;
  photo?: string;
  duration_seconds?: number;
  [field: string]: unknown;
};

// Fields whose presence makes a message an attachment rather than plain text.
const ATTACHMENT_FIELDS = [
  'photo',
  'file',
  'contact_information',
  'location_information',
  'poll',
  'place_name',
  'game_title',
];

/** Maps one Telegram message; null for what carries nothing (the "unsupported" placeholder). */
export function toChatMessage(message: TelegramMessage, author: string): ChatMessage | null {
  if (message.type !== 'message' && message.type !== 'service') return null;
  const base = {
    id: message.id ?? 0,
    at: telegramTime(message).at,
    author,
    text: ownCopy(flattenTelegramText(message.text)),
    forwarded: 'forwarded_from' in message,
    edited: message.edited !== undefined,
    ...(message.reply_to_message_id !== undefined && { replyToId: message.reply_to_message_id }),
  };
  if (message.type === 'service') return { ...base, kind: 'service' };
  if (message.media_type === 'voice_message') return { ...base, kind: 'voice', media: mediaOf(message) };
  if (ATTACHMENT_FIELDS.some((field) => field in message)) return { ...base, kind: 'media', media: mediaOf(message) };
  return { ...base, kind: 'text' };
}

/**
 * A string of its own. A streaming parser's strings are slices of the chunk they were read from, and one kept
 * slice keeps its whole chunk: kept messages would hold the file's text after all.
 */
function ownCopy(text: string): string {
  return structuredClone(text);
}

/** The exact instant when the export has it (`date_unixtime`, or `date` with a zone); else the wall clock. */
export function telegramTime(message: TelegramMessage): ChatTime {
  const exact = fromUnixSeconds(message.date_unixtime);
  return exact.at !== null ? exact : fromIsoDateTime(message.date);
}

function mediaOf(message: TelegramMessage): ChatMedia {
  const path = message.file ?? message.photo;
  // Left-out files read "(File not included. Change data exporting settings to download.)".
  const fileName = typeof path === 'string' && !path.startsWith('(') ? ownCopy(path) : null;
  return { fileName, ...(typeof message.duration_seconds === 'number' && { durationSec: message.duration_seconds }) };
}

/**
 * Who wrote it, by name. Two people can share a name (or a deleted account has
 * none), so names that stand for different ids get the id appended. Every
 * message is seen first (one pass), then named; each name is one string, however
 * many messages carry it.
 */
export function telegramAuthors() {
  const idsByName = new Map<string, Set<string>>();
  const named = new Map<string, string>();
  const nameOf = (m: TelegramMessage) => (m.type === 'service' ? m.actor : m.from) ?? 'Deleted Account';
  const idOf = (m: TelegramMessage) => (m.type === 'service' ? m.actor_id : m.from_id) ?? '';
  return {
    see(message: TelegramMessage): void {
      const name = nameOf(message);
      const ids = idsByName.get(name) ?? new Set<string>();
      idsByName.set(name, ids.add(idOf(message)));
    },
    authorOf(message: TelegramMessage): string {
      const name = nameOf(message);
      const author = (idsByName.get(name)?.size ?? 0) > 1 && idOf(message) ? `${name} (${idOf(message)})` : name;
      const known = named.get(author);
      if (known !== undefined) return known;
      named.set(author, author);
      return author;
    },
  };
}
