import { ExtractionFailure, quoted, quotedList } from '../extraction-failure.ts';
import { type ChatExport, type ChatMessage, toChatExport } from './chat-export.ts';
import type { JsonSource } from './json-tokens.ts';
import { type TelegramLayout, walkTelegramExport } from './telegram-export-walk.ts';
import { telegramAuthors, telegramTime, toChatMessage } from './telegram-message.ts';

/** What a first pass learns of one chat without keeping its messages. */
type ChatSurvey = {
  name?: string | null;
  type?: string;
  id?: number;
  /** Some message is a person's (not only the app's notices). */
  written: boolean;
  authors: ReturnType<typeof telegramAuthors>;
  zoneKnown: boolean;
};

/**
 * Telegram Desktop's result.json: one chat ("Export chat history") or the whole
 * account ("Export Telegram data"), where `chat` (its name or id) picks one; a
 * single chat with messages is picked without asking.
 *
 * Read as it streams, twice: the first pass learns the chats, their authors and
 * times; the second keeps the chosen chat's messages, in their compact form. A
 * gigabyte export is never held whole, as text or parsed.
 */
export async function readTelegramExport(source: JsonSource, options: { chat?: string } = {}): Promise<ChatExport> {
  return (await surveyTelegramExport(source)).read(options);
}

/** The first pass: which chats the export holds, the keys of its root (other apps' JSON is told by them). */
export async function surveyTelegramExport(source: JsonSource): Promise<{
  rootKeys: ReadonlySet<string>;
  read: (options: { chat?: string }) => Promise<ChatExport>;
}> {
  const surveys = new Map<string, ChatSurvey>();
  const surveyOf = (chat: string) => {
    const known = surveys.get(chat);
    if (known) return known;
    const survey: ChatSurvey = { written: false, authors: telegramAuthors(), zoneKnown: true };
    surveys.set(chat, survey);
    return survey;
  };
  const layout = await walkTelegramExport(source, {
    chat: surveyOf,
    chatField: (chat, field, value) => {
      const survey = surveyOf(chat);
      if (field === 'name') survey.name = typeof value === 'string' ? value : null;
      else if (field === 'type' && typeof value === 'string') survey.type = value;
      else if (field === 'id' && typeof value === 'number') survey.id = value;
    },
    message: (chat, message) => {
      // Another app's JSON is told by its root after this pass: what is no message is judged when read.
      if (typeof message !== 'object' || message === null) return;
      const survey = surveyOf(chat);
      survey.authors.see(message);
      survey.written ||= message.type === 'message';
      const time = telegramTime(message);
      survey.zoneKnown &&= time.at === null || time.zoneKnown;
    },
  });
  return { rootKeys: layout.rootKeys, read: (options) => readChosenChat(source, layout, surveyOf, options) };
}

async function readChosenChat(
  source: JsonSource,
  layout: TelegramLayout,
  surveyOf: (chat: string) => ChatSurvey,
  options: { chat?: string },
): Promise<ChatExport> {
  if (!layout.isExport) {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      'This JSON file is not a Telegram chat export (it has no messages)',
    );
  }
  const chosen = layout.rootHasMessageList
    ? 'root'
    : chooseChat(listedChats(layout.chats.map((key) => [key, surveyOf(key)])), options.chat);
  const survey = surveyOf(chosen);
  const messages: ChatMessage[] = [];
  await walkTelegramExport(source, {
    message: (chat, message) => {
      if (chat !== chosen) return;
      const mapped = toChatMessage(message, survey.authors.authorOf(message));
      if (mapped) messages.push(mapped);
    },
  });
  return toChatExport('telegram', chatTitle(survey), messages, { zoneKnown: survey.zoneKnown });
}

type ListedChat = ChatSurvey & { key: string };

/** The chats of a whole-account export in Telegram's order: the current ones, then those left. */
function listedChats(surveys: readonly (readonly [string, ChatSurvey])[]): ListedChat[] {
  const place = (key: string) => {
    const [section, index] = key.split('.');
    return (section === 'chats' ? 0 : 1e9) + Number(index);
  };
  return [...surveys]
    .filter(([key]) => key !== 'root')
    .sort(([a], [b]) => place(a) - place(b))
    .map(([key, survey]) => ({ ...survey, key }));
}

function chooseChat(chats: readonly ListedChat[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    const chosen = chats.find((chat) => chat.name === wanted || String(chat.id) === wanted);
    if (chosen) return chosen.key;
    throw new ExtractionFailure(
      'AMBIGUOUS_CHAT',
      `The export has no chat ${quoted(wanted)}; it has: ${namesOf(chats)}`,
    );
  }
  const withMessages = chats.filter((chat) => chat.written);
  const [only, ...others] = withMessages;
  if (!only) throw new ExtractionFailure('NO_MESSAGES', 'The export contains no messages');
  if (others.length > 0) {
    throw new ExtractionFailure(
      'AMBIGUOUS_CHAT',
      `The export holds ${withMessages.length} chats (${namesOf(withMessages)}); choose the one to learn from`,
    );
  }
  return only.key;
}

function chatTitle(chat: ChatSurvey): string | null {
  if (chat.type === 'saved_messages') return 'Saved Messages';
  return chat.name ?? null;
}

function namesOf(chats: readonly ChatSurvey[]): string {
  return quotedList(chats.map((chat) => chatTitle(chat) ?? String(chat.id)));
}
