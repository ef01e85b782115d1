import { ExtractionFailure } from '../extraction-failure.ts';

export const chatMessageKinds = ['text', 'voice', 'media', 'deleted', 'service'] as const;
/** 'deleted': the author sent something and removed it; 'service': the app's own notice (joins, calls, pins). */
export type ChatMessageKind = (typeof chatMessageKinds)[number];

/** `fileName` as the export names it (a path inside the export folder), null when the file was left out. */
export type ChatMedia = { fileName: string | null; durationSec?: number };

export type ChatMessage = {
  id: number;
  /** Local wall-clock time as the export shows it, ISO 8601 without an offset: WhatsApp records no time zone. */
  at: string;
  author: string;
  /** Plain text; a voice message's transcript once transcribed; a media message's caption. */
  text: string;
  replyToId?: number;
  forwarded: boolean;
  edited: boolean;
  kind: ChatMessageKind;
  media?: ChatMedia;
};

export type ChatParticipant = { name: string; messageCount: number };

export type ChatExport = {
  source: 'telegram' | 'whatsapp';
  chatName: string | null;
  /** Everyone who wrote at least one message, most active first; the app's notices do not count. */
  participants: ChatParticipant[];
  messages: ChatMessage[];
};

/** The export as a whole; fails when nobody wrote anything, since there is nothing to learn from. */
export function toChatExport(
  source: ChatExport['source'],
  chatName: string | null,
  messages: ChatMessage[],
): ChatExport {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.kind !== 'service') counts.set(message.author, (counts.get(message.author) ?? 0) + 1);
  }
  if (counts.size === 0) throw new ExtractionFailure('NO_MESSAGES', 'The export contains no messages');
  const participants = [...counts]
    .map(([name, messageCount]) => ({ name, messageCount }))
    .sort((a, b) => b.messageCount - a.messageCount || a.name.localeCompare(b.name));
  return { source, chatName, participants, messages };
}
