import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatExport } from './chat-export.ts';
import { fromUnixSeconds } from './chat-time.ts';
import type { Conversation, DraftMessage } from './conversations.ts';

/** One message of Facebook's or Instagram's "Download your information" (message_N.json), old and new shapes. */
type MessengerMessage = {
  sender_name?: string;
  senderName?: string;
  timestamp_ms?: number;
  timestamp?: number;
  content?: string;
  text?: string;
  type?: string;
  is_unsent?: boolean;
  isUnsent?: boolean;
  audio_files?: { uri?: string }[];
  photos?: unknown[];
  videos?: unknown[];
  files?: unknown[];
  gifs?: unknown[];
  sticker?: unknown;
  share?: unknown;
  media?: { uri?: string }[];
};
export type MessengerThread = {
  participants?: ({ name?: string } | string)[];
  messages?: MessengerMessage[];
  title?: string;
  threadName?: string;
  thread_path?: string;
};

// Notices Facebook writes as messages: joins, leaves, calls.
const SERVICE_TYPES = new Set(['Subscribe', 'Unsubscribe', 'Call']);

/** Is this parsed JSON a Messenger/Instagram thread? */
export function isMessengerThread(root: unknown): root is MessengerThread {
  if (typeof root !== 'object' || root === null || !Array.isArray((root as MessengerThread).messages)) return false;
  const first = (root as MessengerThread).messages?.[0];
  return 'participants' in root && (first === undefined || isMessengerMessage(first));
}

/**
 * Facebook writes text as UTF-8 bytes each escaped as a Latin-1 character
 * ("ÐŸÑ€Ð¸Ð²ÐµÑ‚" for "Привет"); the bytes are read back as UTF-8. A text with
 * a character above U+00FF was written right (the newer Messenger export) and stays.
 */
export function fixMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  const bytes = Buffer.from(text, 'latin1');
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return decoded.includes('\ufffd') ? text : decoded;
}

/** A thread as a conversation; the audio clips' paths are relative to the export's root folder. */
export function messengerConversation(thread: MessengerThread): Conversation {
  return { name: messengerThreadName(thread), messages: (thread.messages ?? []).map(messengerDraft) };
}

export function messengerThreadName(thread: Omit<MessengerThread, 'messages'>): string {
  return fixMojibake(thread.title ?? thread.threadName ?? thread.thread_path ?? 'Messenger');
}

/** Is this element of a thread's messages one of Messenger's (it names its sender)? */
export function isMessengerMessage(value: unknown): value is MessengerMessage {
  return typeof value === 'object' && value !== null && ('sender_name' in value || 'senderName' in value);
}

export function messengerDraft(message: MessengerMessage): DraftMessage {
  const author = fixMojibake(message.sender_name ?? message.senderName ?? '');
  const millis = message.timestamp_ms ?? message.timestamp;
  const at = typeof millis === 'number' ? fromUnixSeconds(millis / 1000).at : null;
  const text = fixMojibake(message.content ?? message.text ?? '');
  const base = { at, author, text, forwarded: false, edited: false };
  if (message.is_unsent || message.isUnsent) return { ...base, text: '', kind: 'deleted' };
  if (message.type && SERVICE_TYPES.has(message.type)) return { ...base, kind: 'service' };
  const audio = message.audio_files?.[0]?.uri;
  if (audio) return { ...base, text: '', kind: 'voice', media: { fileName: audio } };
  const attached = ['photos', 'videos', 'files', 'gifs', 'sticker', 'media'].some((field) => field in message);
  if (attached && text === '') return { ...base, kind: 'media', media: { fileName: null } };
  return { ...base, kind: 'text' };
}

export function parseMessengerJson(root: unknown, source: ChatExport['source']): Conversation {
  if (!isMessengerThread(root)) {
    throw new ExtractionFailure('UNSUPPORTED_FORMAT', `This JSON file is not a ${source} messages file`);
  }
  return messengerConversation(root);
}
