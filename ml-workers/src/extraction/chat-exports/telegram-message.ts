import type { ChatMedia, ChatMessage } from './chat-export.ts';
import { flattenTelegramText, type TelegramText } from './telegram-text.ts';

/** One element of `messages` in Telegram Desktop's result.json (the fields we read). */
export type TelegramMessage = {
  id?: number;
  type?: string;
  date?: string;
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
    at: message.date ?? '',
    author,
    text: flattenTelegramText(message.text),
    forwarded: 'forwarded_from' in message,
    edited: message.edited !== undefined,
    ...(message.reply_to_message_id !== undefined && { replyToId: message.reply_to_message_id }),
  };
  if (message.type === 'service') return { ...base, kind: 'service' };
  if (message.media_type === 'voice_message') return { ...base, kind: 'voice', media: mediaOf(message) };
  if (ATTACHMENT_FIELDS.some((field) => field in message)) return { ...base, kind: 'media', media: mediaOf(message) };
  return { ...base, kind: 'text' };
}

function mediaOf(message: TelegramMessage): ChatMedia {
  const path = message.file ?? message.photo;
  // Left-out files read "(File not included. Change data exporting settings to download.)".
  const fileName = typeof path === 'string' && !path.startsWith('(') ? path : null;
  return { fileName, ...(typeof message.duration_seconds === 'number' && { durationSec: message.duration_seconds }) };
}

/**
 * Who wrote it, by name. Two people can share a name (or a deleted account has
 * none), so names that stand for different ids get the id appended.
 */
export function authorNames(messages: readonly TelegramMessage[]): (message: TelegramMessage) => string {
  const idsByName = new Map<string, Set<string>>();
  const nameOf = (m: TelegramMessage) => (m.type === 'service' ? m.actor : m.from) ?? 'Deleted Account';
  const idOf = (m: TelegramMessage) => (m.type === 'service' ? m.actor_id : m.from_id) ?? '';
  for (const message of messages) {
    const ids = idsByName.get(nameOf(message)) ?? new Set<string>();
    idsByName.set(nameOf(message), ids.add(idOf(message)));
  }
  return (message) => {
    const name = nameOf(message);
    return (idsByName.get(name)?.size ?? 0) > 1 && idOf(message) ? `${name} (${idOf(message)})` : name;
  };
}
