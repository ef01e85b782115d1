import type { ChatExport } from './chat-export.ts';
import { mapMessages } from './chat-messages.ts';

/**
 * The chat with every name chosen as the person (one person's addresses in a
 * mailbox, or their two accounts) written as the first of them, so their
 * words and replies are found as one participant's: a letter from the work
 * address answering one to the home address is still the person answering.
 */
export function asOnePerson(chatExport: ChatExport, names: readonly string[]): { chat: ChatExport; person: string } {
  const [person = ''] = names;
  const chosen = new Set(names);
  if (chosen.size <= 1) return { chat: chatExport, person };
  const known = chatExport.participants.filter((p) => chosen.has(p.name));
  const times = (pick: (p: (typeof known)[number]) => string | null) =>
    known.flatMap((p) => (pick(p) === null ? [] : [pick(p) as string])).sort();
  const merged = {
    name: person,
    messageCount: known.reduce((sum, p) => sum + p.messageCount, 0),
    firstMessageAt: times((p) => p.firstMessageAt)[0] ?? null,
    lastMessageAt: times((p) => p.lastMessageAt).at(-1) ?? null,
  };
  const others = chatExport.participants.filter((p) => !chosen.has(p.name));
  return {
    person,
    chat: {
      ...chatExport,
      participants: known.length > 0 ? [merged, ...others] : others,
      messages: mapMessages(chatExport.messages, (message) =>
        chosen.has(message.author) ? { ...message, author: person } : message,
      ),
    },
  };
}
