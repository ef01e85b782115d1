import { ExtractionFailure, quoted, quotedList } from '../extraction-failure.ts';
import { type ChatExport, toChatExport } from './chat-export.ts';
import { authorNames, type TelegramMessage, telegramTime, toChatMessage } from './telegram-message.ts';

type TelegramChat = { name?: string | null; type?: string; id?: number; messages?: TelegramMessage[] };
type TelegramDataExport = { chats?: { list?: TelegramChat[] }; left_chats?: { list?: TelegramChat[] } };

/**
 * Telegram Desktop's result.json: one chat ("Export chat history") or the whole
 * account ("Export Telegram data"), where `chat` (its name or id) picks one; a
 * single chat with messages is picked without asking.
 */
export function parseTelegramExport(json: string, options: { chat?: string } = {}): ChatExport {
  const root = parseJson(json);
  const chat = Array.isArray(root.messages)
    ? (root as TelegramChat)
    : chooseChat(root as TelegramDataExport, options.chat);
  const messages = chat.messages ?? [];
  const authorOf = authorNames(messages);
  const chatMessages = messages.flatMap((message) => toChatMessage(message, authorOf(message)) ?? []);
  const zoneKnown = messages.every((message) => {
    const time = telegramTime(message);
    return time.at === null || time.zoneKnown;
  });
  return toChatExport('telegram', chatTitle(chat), chatMessages, { zoneKnown });
}

function parseJson(json: string): Record<string, unknown> {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (error) {
    throw new ExtractionFailure('DOCUMENT_DAMAGED', 'The export file is damaged or incomplete (it is not valid JSON)', {
      cause: error,
    });
  }
  const isExport = typeof root === 'object' && root !== null && ('messages' in root || 'chats' in root);
  if (!isExport) {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      'This JSON file is not a Telegram chat export (it has no messages)',
    );
  }
  return root as Record<string, unknown>;
}

function chooseChat(data: TelegramDataExport, wanted: string | undefined): TelegramChat {
  const chats = [...(data.chats?.list ?? []), ...(data.left_chats?.list ?? [])];
  if (wanted !== undefined) {
    const chosen = chats.find((chat) => chat.name === wanted || String(chat.id) === wanted);
    if (chosen) return chosen;
    throw new ExtractionFailure(
      'AMBIGUOUS_CHAT',
      `The export has no chat ${quoted(wanted)}; it has: ${namesOf(chats)}`,
    );
  }
  const withMessages = chats.filter((chat) => chat.messages?.some((m) => m.type === 'message'));
  const [only, ...others] = withMessages;
  if (!only) throw new ExtractionFailure('NO_MESSAGES', 'The export contains no messages');
  if (others.length > 0) {
    throw new ExtractionFailure(
      'AMBIGUOUS_CHAT',
      `The export holds ${withMessages.length} chats (${namesOf(withMessages)}); choose the one to learn from`,
    );
  }
  return only;
}

function chatTitle(chat: TelegramChat): string | null {
  if (chat.type === 'saved_messages') return 'Saved Messages';
  return chat.name ?? null;
}

function namesOf(chats: readonly TelegramChat[]): string {
  return quotedList(chats.map((chat) => chatTitle(chat) ?? String(chat.id)));
}
