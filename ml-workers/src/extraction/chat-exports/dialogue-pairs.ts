import type { ChatExport } from './chat-export.ts';
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
  const maxGapMs = (options.maxGapHours ?? defaultMaxGapHours) * 3_600_000;
  const turns = conversationTurns(chatExport, participant, options);
  return turns.flatMap((reply, i) => {
    const prompt = turns[i - 1];
    if (reply.side !== 'person' || !prompt || prompt.side !== 'others') return [];
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
