import {
  type ChatMessage,
  type ParsedChatExport,
  toChatExport,
  type VoiceMessageAudio,
} from '../chat-exports/chat-export.ts';
import { voiceMessagesInMemory } from '../chat-exports/voice-messages.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import type { MailMessage } from './mail-message.ts';

/** Senders beyond the domain's limit of participants are counted together (an "All mail" archive has thousands). */
const MAX_SENDERS = 999;
export const otherSenders = 'Other senders';

/**
 * Letters as a chat: each sender address is a participant (the user picks the
 * person's), letters in time order, each reply pointing at the letter it
 * answers, so threads give (letter → the person's reply) pairs.
 */
export function mailArchive(letters: readonly MailMessage[], notes: readonly string[]): ParsedChatExport {
  const unique = dedupe(letters).filter((letter) => letter.fromAddress !== '');
  if (unique.length === 0) throw new ExtractionFailure('NO_MESSAGES', 'The mailbox contains no letters with a sender');
  const sorted = [...unique].sort((a, b) => (a.at ?? '\uffff').localeCompare(b.at ?? '\uffff'));
  const authorOf = senderNames(sorted);
  const idOf = new Map(sorted.flatMap((letter, i) => (letter.messageId ? [[letter.messageId, i + 1] as const] : [])));
  const voiceMessages: VoiceMessageAudio[] = [];
  const messages = sorted.map((letter, i): ChatMessage => {
    const replyToId = letter.inReplyTo ? idOf.get(letter.inReplyTo) : undefined;
    const audio = letter.attachments.find((attachment) => attachment.audio);
    if (audio?.audio) voiceMessages.push({ messageId: i + 1, fileName: audio.fileName, bytes: audio.audio });
    return {
      id: i + 1,
      at: letter.at,
      author: authorOf(letter.fromAddress),
      text: letter.text,
      forwarded: letter.forwarded,
      edited: false,
      ...(replyToId !== undefined && { replyToId }),
      ...(audio ? { kind: 'voice', media: { fileName: audio.fileName } } : { kind: 'text' }),
    };
  });
  const chatExport = toChatExport('email', null, messages, { zoneKnown: true });
  return {
    chatExport: { ...chatExport, notes: [...notes, ...attachmentNote(sorted), ...chatExport.notes] },
    voiceMessages: voiceMessagesInMemory(voiceMessages),
  };
}

/** The same letter in two folders (Inbox and a label) counts once. */
function dedupe(letters: readonly MailMessage[]): MailMessage[] {
  const seen = new Set<string>();
  return letters.filter((letter) => {
    if (letter.messageId === null) return true;
    if (seen.has(letter.messageId)) return false;
    seen.add(letter.messageId);
    return true;
  });
}

/** "Name <address>" with the name the address used most; the busiest senders first keep their own entry. */
function senderNames(letters: readonly MailMessage[]): (address: string) => string {
  const names = new Map<string, Map<string, number>>();
  for (const { fromAddress, fromName } of letters) {
    const counts = names.get(fromAddress) ?? new Map<string, number>();
    names.set(fromAddress, counts.set(fromName, (counts.get(fromName) ?? 0) + 1));
  }
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  const ranked = [...names].sort((a, b) => total(b[1]) - total(a[1]));
  const label = new Map(
    ranked.map(([address, counts], rank) => {
      const name = [...counts]
        .sort((a, b) => b[1] - a[1])
        .find(([n]) => n.trim() !== '')?.[0]
        ?.trim();
      const shown = name && name.toLowerCase() !== address ? `${name} <${address}>` : address;
      return [address, rank < MAX_SENDERS ? shown.slice(0, 200) : otherSenders];
    }),
  );
  return (address) => label.get(address) ?? otherSenders;
}

function attachmentNote(letters: readonly MailMessage[]): string[] {
  const left = letters.flatMap((letter) => letter.attachments.filter((a) => !a.audio).map((a) => a.fileName));
  if (left.length === 0) return [];
  const shown = left.slice(0, 5).join(', ') + (left.length > 5 ? ', …' : '');
  return [
    `${left.length} attachment(s) came with the letters (${shown}); the documents and recordings among them are listed with this material, to add as materials of their own if they hold the person's words.`,
  ];
}
