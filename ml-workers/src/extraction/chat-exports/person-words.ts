import type { ChatExport } from './chat-export.ts';
import { conversationTurns, type TurnOptions } from './conversation-turns.ts';

/**
 * Everything the person wrote (or said, once voice messages are transcribed),
 * one entry per turn: consecutive messages joined by newlines.
 */
export function personWords(chatExport: ChatExport, participant: string, options: TurnOptions = {}): string[] {
  return conversationTurns(chatExport, participant, options)
    .filter((turn) => turn.side === 'person')
    .map((turn) => turn.texts.join('\n'));
}
