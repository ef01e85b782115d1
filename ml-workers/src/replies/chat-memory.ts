import { buildLexicalIndex, searchLexical } from '../persona/lexical-index.ts';
import type { ChatTurn } from './chat-transcript.ts';

/** An earlier exchange of this chat: what the user said and what the avatar answered. */
export interface RecalledExchange {
  /** `message:<messageId>`, as it appears among a reply's source ids. */
  readonly id: string;
  readonly messageId: string;
  readonly userText: string;
  readonly replyText: string | null;
}

export const exchangeSourceId = (messageId: string): string => `message:${messageId}`;

/** The chat's turns as exchanges, oldest first, without erased ones. */
export function exchangesOf(turns: readonly ChatTurn[]): RecalledExchange[] {
  return turns.flatMap((turn) =>
    turn.text === null
      ? []
      : [
          {
            id: exchangeSourceId(turn.messageId),
            messageId: turn.messageId,
            userText: turn.text,
            replyText: turn.outcome === 'replied' ? (turn.reply?.text ?? null) : null,
          },
        ],
  );
}

/**
 * Memory beyond the context window: the earlier exchanges of this chat that
 * best match `query` (BM25 over both sides, the same index as persona
 * retrieval), best first. The prompt keeps recent history by itself; this
 * brings back what was said long before, e.g. a name given an hour ago.
 */
export function recallExchanges(
  earlier: readonly RecalledExchange[],
  query: string,
  limit: number,
): RecalledExchange[] {
  if (earlier.length === 0 || limit <= 0 || query.trim() === '') return [];
  const index = buildLexicalIndex(earlier.map((exchange) => `${exchange.userText}\n${exchange.replyText ?? ''}`));
  return searchLexical(index, query, limit).flatMap(({ index: position }) => {
    const exchange = earlier[position];
    return exchange ? [exchange] : [];
  });
}
