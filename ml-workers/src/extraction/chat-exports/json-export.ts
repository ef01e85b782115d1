import { ExtractionFailure } from '../extraction-failure.ts';
import { type ChatExport, toChatExport } from './chat-export.ts';
import { type Conversation, numberConversations } from './conversations.ts';
import { discordConversation, isDiscordExport } from './discord-json.ts';
import type { JsonSource } from './json-tokens.ts';
import { isMessengerThread, messengerConversation } from './messenger-json.ts';
import { surveyTelegramExport } from './telegram-json.ts';

/**
 * A chat export in JSON, told apart by its shape: DiscordChatExporter's
 * (guild, channel, messages), Facebook's or Instagram's message_N.json
 * (participants, messages with sender_name), else Telegram's result.json.
 * Telegram's is read as it streams (exports run to gigabytes); the others are
 * parsed whole, as one channel or thread stays far smaller.
 */
export async function readJsonExport(
  source: JsonSource,
  options: { chat?: string; source?: ChatExport['source'] } = {},
): Promise<ChatExport> {
  const telegram = await surveyTelegramExport(source);
  if (telegram.rootKeys.has('participants') || (telegram.rootKeys.has('guild') && telegram.rootKeys.has('channel'))) {
    const root = parseJson(await wholeText(source));
    if (isDiscordExport(root)) return conversationsExport('discord', [discordConversation(root)]);
    if (isMessengerThread(root))
      return conversationsExport(options.source ?? 'facebook', [messengerConversation(root)]);
  }
  return telegram.read(options);
}

async function wholeText(source: JsonSource): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source()) chunks.push(chunk);
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
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
