import type { ChatExport, ChatMessage } from './chat-export.ts';
import { conversationTurns, defaultMaxGapHours, longerThan, type TurnOptions } from './conversation-turns.ts';

/** What the others said, and how the person answered: the examples a reply is learnt from. */
export type DialoguePair = {
  prompt: string;
  reply: string;
  promptAuthors: string[];
  /** When the reply started (ISO 8601 in UTC; null when the export's time was unreadable). */
  at: string | null;
};

/**
 * Pairs each of the person's turns with the others' turn right before it,
 * unless the person answered only after a silence longer than `maxGapHours`
 * (then it is a new conversation, not an answer).
 */
export function dialoguePairs(chatExport: ChatExport, participant: string, options: TurnOptions = {}): DialoguePair[] {
  if (chatExport.source === 'email') return replyPairs(chatExport, participant);
  const maxGapMs = (options.maxGapHours ?? defaultMaxGapHours) * 3_600_000;
  const turns = conversationTurns(chatExport, participant, options);
  return turns.flatMap((reply, i) => {
    const prompt = turns[i - 1];
    if (reply.side !== 'person' || !prompt || prompt.side !== 'others' || prompt.thread !== reply.thread) return [];
    if (longerThan(maxGapMs, prompt.endAt, reply.startAt)) return [];
    return [
      {
        prompt: prompt.texts.join('\n'),
        reply: reply.texts.join('\n'),
        promptAuthors: prompt.authors,
        at: reply.startAt,
      },
    ];
  });
}

/**
 * Mail answers a letter, not whatever came last, and days may pass before it:
 * each of the person's letters pairs with the letter it replies to (by
 * In-Reply-To), when someone else wrote that one and both carry words.
 */
function replyPairs(chatExport: ChatExport, participant: string): DialoguePair[] {
  conversationTurns(chatExport, participant); // refuses a participant the export does not have
  const messages = [...chatExport.messages];
  const byId = new Map(messages.map((message) => [message.id, message]));
  const hasWords = (message: ChatMessage | undefined): message is ChatMessage =>
    message !== undefined && message.kind !== 'service' && message.text.trim() !== '';
  return messages.flatMap((reply) => {
    const prompt = reply.replyToId === undefined ? undefined : byId.get(reply.replyToId);
    if (reply.author !== participant || reply.forwarded || !hasWords(reply) || !hasWords(prompt)) return [];
    if (prompt.author === participant) return [];
    return [{ prompt: prompt.text, reply: reply.text, promptAuthors: [prompt.author], at: reply.at }];
  });
}
