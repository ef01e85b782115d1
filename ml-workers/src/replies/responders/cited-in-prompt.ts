import type { CitedSource } from '@bishop/domain';
import type { PersonaPair, PersonaPassage, Retrieved } from '../../persona/index.ts';
import type { RecalledExchange } from '../chat-memory.ts';
import { bestCloseness, citeExchange, citePair, citePassage, closenessOf } from '../reply-sources.ts';

// The reply event keeps the few that mattered most; the ids list keeps them all.
const MAX_CITED = 8;

interface Offered {
  readonly knowledge: readonly Retrieved<PersonaPassage>[];
  readonly exemplars: readonly Retrieved<PersonaPair>[];
  readonly memory: readonly RecalledExchange[];
}

/** What of the offered material made it into the prompt, described, and how close the best of it was. */
export function citedIn(
  sourceIds: readonly string[],
  message: string,
  offered: Offered,
): { sources: CitedSource[]; closeness: number | null } {
  const kept = new Set(sourceIds);
  const passages = offered.knowledge.filter(({ item }) => kept.has(item.id));
  const pairs = offered.exemplars.filter(({ item }) => kept.has(item.id));
  const exchanges = offered.memory.filter((exchange) => kept.has(exchange.id));
  const sources = [
    ...pairs.map(({ item }) => citePair(item)),
    ...passages.map(({ item }) => citePassage(item)),
    ...exchanges.map(citeExchange),
  ].slice(0, MAX_CITED);
  // Only the person's own material says whether the avatar knew something close; the chat's memory does not.
  const closeness = bestCloseness([
    ...pairs.map((found) => closenessOf(message, found, found.item.prompt)),
    ...passages.map((found) => closenessOf(message, found, found.item.text)),
  ]);
  return { sources, closeness };
}
