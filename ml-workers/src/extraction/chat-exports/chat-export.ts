import type { ChatParticipantFacts } from '@bishop/domain';
import { ExtractionFailure } from '../extraction-failure.ts';

export const chatMessageKinds = ['text', 'voice', 'media', 'deleted', 'service'] as const;
/** 'deleted': the author sent something and removed it; 'service': the app's own notice (joins, calls, pins). */
export type ChatMessageKind = (typeof chatMessageKinds)[number];

/** `fileName` as the export names it (a path inside the export folder), null when the file was left out. */
export type ChatMedia = { fileName: string | null; durationSec?: number };

export type ChatMessage = {
  id: number;
  /**
   * When it was sent, ISO 8601 in UTC (`…Z`); null when the export's time could not be read.
   * Exports without a time zone (WhatsApp, old Telegram) give the sender's wall clock read as UTC.
   */
  at: string | null;
  author: string;
  /** Plain text; a voice message's transcript once transcribed; a media message's caption. */
  text: string;
  replyToId?: number;
  forwarded: boolean;
  edited: boolean;
  kind: ChatMessageKind;
  media?: ChatMedia;
  /** Which conversation of a whole-account export (VK, Facebook, Slack channels): turns never cross one. */
  thread?: string;
};

/**
 * A chat's messages in order, read again at each pass: an array for exports parsed whole, or a spill file
 * for those that run to millions of messages (so they flow through instead of being kept; see chat-messages.ts).
 */
export type ChatMessages = Iterable<ChatMessage> & { readonly length: number };

/** Who wrote, how much and when: what a user checks before choosing the person (recorded as is). */
export type ChatParticipant = ChatParticipantFacts;

export const chatSources = [
  'telegram',
  'whatsapp',
  'email',
  'vk',
  'discord',
  'slack',
  'facebook',
  'instagram',
] as const;

export type ChatExport = {
  source: (typeof chatSources)[number];
  chatName: string | null;
  /** Everyone who wrote at least one message, most active first; the app's notices do not count. */
  participants: ChatParticipant[];
  messages: ChatMessages;
  /** The chat's date range: its first and last message with a readable time (notices left out). */
  firstMessageAt: string | null;
  lastMessageAt: string | null;
  /** False when the export's times carry no time zone (they are the sender's clock, read as UTC). */
  timeZoneKnown: boolean;
  /** What the user should know about the import, e.g. messages whose time could not be read. */
  notes: string[];
};

/** A voice message's audio, found in the archive next to the chat it belongs to. */
export type VoiceMessageAudio = { messageId: number; fileName: string; bytes: Uint8Array };
/** A chat's voice messages with audio: which they are, and their audio a batch at a time (see voice-messages.ts). */
export type VoiceMessages = {
  readonly messageIds: readonly number[];
  batches(): AsyncIterable<readonly VoiceMessageAudio[]>;
};
/** Unpacks the entries `pick` chooses (after the whole archive passed the safety checks). */
export type ReadEntries = (pick: (path: string) => boolean) => Promise<Map<string, Buffer>>;
export type ParsedChatExport = { chatExport: ChatExport; voiceMessages: VoiceMessages };

/** The export as a whole; fails when nobody wrote anything, since there is nothing to learn from. */
export function toChatExport(
  source: ChatExport['source'],
  chatName: string | null,
  messages: ChatMessages,
  times: { zoneKnown: boolean },
): ChatExport {
  // One pass, whatever the export's size: counts and date ranges, never a list per author.
  const byAuthor = new Map<string, ChatParticipant>();
  const range: DateRange = { firstMessageAt: null, lastMessageAt: null };
  const unreadable = { places: [] as number[], count: 0 };
  let place = 0;
  for (const message of messages) {
    place++;
    if (message.at === null && unreadable.count++ < 10) unreadable.places.push(place);
    if (message.kind === 'service') continue;
    const written = byAuthor.get(message.author) ?? {
      name: message.author,
      messageCount: 0,
      firstMessageAt: null,
      lastMessageAt: null,
    };
    written.messageCount++;
    widen(written, message.at);
    byAuthor.set(message.author, written);
    widen(range, message.at);
  }
  if (byAuthor.size === 0) throw new ExtractionFailure('NO_MESSAGES', 'The export contains no messages');
  const participants = [...byAuthor.values()].sort(
    (a, b) => b.messageCount - a.messageCount || a.name.localeCompare(b.name),
  );
  const notes = [unreadableTimesNote(unreadable), times.zoneKnown ? null : NO_TIME_ZONE].filter((n) => n !== null);
  return {
    source,
    chatName,
    participants,
    messages,
    firstMessageAt: range.firstMessageAt,
    lastMessageAt: range.lastMessageAt,
    timeZoneKnown: times.zoneKnown,
    notes,
  };
}

/** The first and last of ISO 8601 instants in UTC, which sort as strings. */
type DateRange = { firstMessageAt: string | null; lastMessageAt: string | null };

function widen(range: DateRange, at: string | null): void {
  if (at === null) return;
  if (range.firstMessageAt === null || at < range.firstMessageAt) range.firstMessageAt = at;
  if (range.lastMessageAt === null || at > range.lastMessageAt) range.lastMessageAt = at;
}

const NO_TIME_ZONE =
  'The export records its times without a time zone: they are the clock of the phone or computer that made it, shown as written.';

/** Messages keep their place in the chat without a time; the user is told which ones (the first ten places). */
function unreadableTimesNote(unreadable: { places: readonly number[]; count: number }): string | null {
  const total = unreadable.count;
  if (total === 0) return null;
  const shown = unreadable.places.join(', ') + (total > 10 ? ', …' : '');
  const count = total === 1 ? '1 message has' : `${total} messages have`;
  return `${count} no readable time (message ${shown} of the export): they keep their place in the chat, and no reply gap is measured across them.`;
}
