import type { ChatExport, ChatMessage } from './chat-export.ts';
import { instantMs } from './chat-time.ts';

/** Consecutive messages of one side: the person, or everyone else; times as in the messages (null: unreadable). */
export type Turn = {
  side: 'person' | 'others';
  authors: string[];
  texts: string[];
  startAt: string | null;
  endAt: string | null;
  thread?: string;
};

export type TurnOptions = {
  /** A silence longer than this starts a new conversation (default 6 hours). */
  maxGapHours?: number;
};

export const defaultMaxGapHours = 6;

/**
 * Groups the messages that carry words into turns. Notices, deleted messages
 * and attachments without a caption carry none; what the person forwarded is
 * someone else's words, so it is left out of their side.
 */
export function conversationTurns(chatExport: ChatExport, participant: string, options: TurnOptions = {}): Turn[] {
  if (!chatExport.participants.some((p) => p.name === participant)) {
    const names = chatExport.participants.map((p) => `"${p.name}"`).join(', ');
    throw new RangeError(`"${participant}" is not a participant of this chat; its participants are ${names}`);
  }
  const maxGapMs = (options.maxGapHours ?? defaultMaxGapHours) * 3_600_000;
  const turns: Turn[] = [];
  for (const message of chatExport.messages) {
    const side = message.author === participant ? 'person' : 'others';
    if (!carriesWords(message) || (side === 'person' && message.forwarded)) continue;
    const last = turns.at(-1);
    if (last && last.side === side && last.thread === message.thread && !longerThan(maxGapMs, last.endAt, message.at)) {
      if (!last.authors.includes(message.author)) last.authors.push(message.author);
      last.texts.push(message.text);
      last.endAt = message.at;
    } else {
      const turn: Turn = {
        side,
        authors: [message.author],
        texts: [message.text],
        startAt: message.at,
        endAt: message.at,
      };
      turns.push(message.thread === undefined ? turn : { ...turn, thread: message.thread });
    }
  }
  return turns;
}

/**
 * True when the silence between two times is known to exceed `maxGapMs`. A time
 * that could not be read measures no gap: the export's order still joins the messages.
 */
export function longerThan(maxGapMs: number, earlier: string | null, later: string | null): boolean {
  const from = instantMs(earlier);
  const to = instantMs(later);
  return from !== null && to !== null && to - from > maxGapMs;
}

function carriesWords(message: ChatMessage): boolean {
  return message.kind !== 'service' && message.kind !== 'deleted' && message.text.trim() !== '';
}
