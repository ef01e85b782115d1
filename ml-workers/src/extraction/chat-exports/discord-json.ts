import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatMessageKind } from './chat-export.ts';
import { fromIsoDateTime } from './chat-time.ts';
import type { Conversation, DraftMessage } from './conversations.ts';

/** DiscordChatExporter's JSON (the fields we read). */
type DiscordAttachment = { url?: string; fileName?: string };
type DiscordMessage = {
  id?: string;
  type?: string;
  timestamp?: string;
  timestampEdited?: string | null;
  content?: string;
  author?: { id?: string; name?: string; nickname?: string; isBot?: boolean };
  attachments?: DiscordAttachment[];
  stickers?: unknown[];
  reference?: { messageId?: string | null } | null;
};
export type DiscordExport = {
  guild?: { name?: string };
  channel?: { name?: string; category?: string };
  messages?: DiscordMessage[];
};

// Discord's own notices (joins, calls, pins, boosts); "Default" and "Reply" carry people's words.
const WORDS_TYPES = new Set(['Default', 'Reply']);
const VOICE = /\.(?:ogg|oga|opus|m4a|mp3|wav)$/i;

export function isDiscordExport(root: unknown): root is DiscordExport {
  return typeof root === 'object' && root !== null && 'channel' in root && 'guild' in root && 'messages' in root;
}

/** The chat's name: "server / channel", or the channel's (a direct-message chat's) alone. */
export function discordChatName(data: Omit<DiscordExport, 'messages'>): string {
  const guild = data.guild?.name;
  const channel = data.channel?.name ?? 'Discord';
  return guild && guild !== 'Direct Messages' ? `${guild} / ${channel}` : channel;
}

/**
 * One channel or direct-message chat. Authors go by their nickname, else their
 * user name; a voice message (an .ogg attachment) points at the file that
 * `--media` downloaded next to the JSON, when it did.
 */
export function discordConversation(data: DiscordExport): Conversation {
  const name = discordChatName(data);
  if (!Array.isArray(data.messages)) {
    throw new ExtractionFailure(
      'DOCUMENT_DAMAGED',
      `The DiscordChatExporter file of "${name}" holds no list of messages`,
    );
  }
  return { name, messages: data.messages.flatMap((message) => discordDraft(message) ?? []) };
}

/** One element of the messages list as a draft message; null when it is no message. */
export function discordDraft(value: unknown): DraftMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as DiscordMessage;
  const author = message.author?.nickname || message.author?.name || 'Deleted User';
  const audio = message.attachments?.find((a) => VOICE.test(a.fileName ?? a.url ?? ''));
  const anyAttachment = (message.attachments?.length ?? 0) > 0 || (message.stickers?.length ?? 0) > 0;
  const kind: ChatMessageKind = !WORDS_TYPES.has(message.type ?? 'Default')
    ? 'service'
    : audio
      ? 'voice'
      : anyAttachment && !message.content
        ? 'media'
        : 'text';
  const local = audio?.url && !/^https?:/i.test(audio.url) ? decodeURIComponent(audio.url) : null;
  return {
    ...(message.id !== undefined && { ref: message.id }),
    ...(message.reference?.messageId && { replyToRef: message.reference.messageId }),
    at: fromIsoDateTime(message.timestamp).at,
    author,
    text: message.content ?? '',
    forwarded: false,
    edited: Boolean(message.timestampEdited),
    kind,
    ...(kind === 'voice' || kind === 'media' ? { media: { fileName: local } } : {}),
  };
}
