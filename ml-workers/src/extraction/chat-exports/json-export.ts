import { ExtractionFailure } from '../extraction-failure.ts';
import { type ChatExport, toChatExport } from './chat-export.ts';
import { type Conversation, type DraftMessage, keptDraft, numberConversations } from './conversations.ts';
import { discordChatName, discordDraft } from './discord-json.ts';
import { walkRootMessages } from './json-root-messages.ts';
import type { JsonSource } from './json-tokens.ts';
import { isMessengerMessage, messengerDraft, messengerThreadName } from './messenger-json.ts';
import { surveyTelegramExport, type TelegramReadOptions } from './telegram-json.ts';

/**
 * A chat export in JSON, told apart by its shape: DiscordChatExporter's
 * (guild, channel, messages), Facebook's or Instagram's message_N.json
 * (participants, messages with sender_name), else Telegram's result.json.
 * Each is read as it streams, one message at a time (exports run to gigabytes).
 */
export async function readJsonExport(
  source: JsonSource,
  options: TelegramReadOptions & { source?: ChatExport['source'] } = {},
): Promise<ChatExport> {
  const telegram = await surveyTelegramExport(source);
  const keys = telegram.rootKeys;
  if (keys.has('messages') && keys.has('guild') && keys.has('channel')) return readDiscordExport(source);
  if (keys.has('messages') && keys.has('participants')) {
    const thread = await readMessengerThread(source);
    if (thread) return conversationsExport(options.source ?? 'facebook', [thread]);
  }
  const { source: _, ...telegramOptions } = options;
  return telegram.read(telegramOptions);
}

async function readDiscordExport(source: JsonSource): Promise<ChatExport> {
  const messages: DraftMessage[] = [];
  const root = await walkRootMessages(source, (value) => {
    const draft = discordDraft(value);
    if (draft) messages.push(keptDraft(draft));
  });
  const name = discordChatName(root);
  // Left among the root's fields: a `messages` that is no list.
  if ('messages' in root) {
    throw new ExtractionFailure(
      'DOCUMENT_DAMAGED',
      `The DiscordChatExporter file of "${name}" holds no list of messages`,
    );
  }
  return conversationsExport('discord', [{ name, messages }]);
}

/** A Messenger or Instagram thread, or null when its messages are not Messenger's (another app's JSON). */
async function readMessengerThread(source: JsonSource): Promise<Conversation | null> {
  const messages: DraftMessage[] = [];
  // The first element tells, as isMessengerThread judges a thread parsed whole.
  let messengers: boolean | undefined;
  const root = await walkRootMessages(source, (value) => {
    messengers ??= isMessengerMessage(value);
    if (messengers && isMessengerMessage(value)) messages.push(keptDraft(messengerDraft(value)));
  });
  if (messengers === false || 'messages' in root) return null;
  return { name: messengerThreadName(root), messages };
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
