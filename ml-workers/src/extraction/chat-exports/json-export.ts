import { ExtractionFailure } from '../extraction-failure.ts';
import { type ChatExport, toChatExport } from './chat-export.ts';
import { type Conversation, numberConversations } from './conversations.ts';
import { discordConversation, isDiscordExport } from './discord-json.ts';
import { isMessengerThread, messengerConversation } from './messenger-json.ts';
import { parseTelegramExport } from './telegram-json.ts';

/**
 * A chat export in JSON, told apart by its shape: DiscordChatExporter's
 * (guild, channel, messages), Facebook's or Instagram's message_N.json
 * (participants, messages with sender_name), else Telegram's result.json.
 */
export function parseJsonExport(
  json: string,
  options: { chat?: string; source?: ChatExport['source'] } = {},
): ChatExport {
  const root = parseJson(json);
  if (isDiscordExport(root)) return conversationsExport('discord', [discordConversation(root)]);
  if (isMessengerThread(root)) return conversationsExport(options.source ?? 'facebook', [messengerConversation(root)]);
  return parseTelegramExport(json, options);
}

/** Parsed JSON, or a readable reason why the file is not JSON. */
export function parseJson(json: string, what = 'The export file'): unknown {
  try {
    return JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ExtractionFailure('DOCUMENT_DAMAGED', `${what} is damaged or incomplete (it is not valid JSON)`, {
      cause: error,
    });
  }
}

/** Conversations of one export as a whole; a single conversation gives the chat its name. */
export function conversationsExport(
  source: ChatExport['source'],
  conversations: readonly Conversation[],
  times: { zoneKnown: boolean } = { zoneKnown: true },
): ChatExport {
  const chatName = conversations.length === 1 ? (conversations[0]?.name ?? null) : null;
  return toChatExport(source, chatName, numberConversations(conversations), times);
}
