import type { CitedSource } from '@bishop/domain';
import type { PersonaPair, PersonaPassage, Retrieved } from '../persona/index.ts';
import type { RecalledExchange } from './chat-memory.ts';

// A source is shown, not replayed: a few sentences say what it was.
const SOURCE_MAX_CHARS = 600;

export const citePassage = (passage: PersonaPassage): CitedSource => ({
  id: passage.id,
  kind: 'passage',
  materialId: passage.materialId,
  text: excerpt(passage.text),
  prompt: null,
  startSec: passage.startSec,
});

export const citePair = (pair: PersonaPair): CitedSource => ({
  id: pair.id,
  kind: 'pair',
  materialId: pair.materialId,
  text: excerpt(pair.reply),
  prompt: excerpt(pair.prompt),
  startSec: null,
});

export const citeExchange = (exchange: RecalledExchange): CitedSource => ({
  id: exchange.id,
  kind: 'exchange',
  materialId: null,
  text: excerpt(exchange.replyText ?? exchange.userText),
  prompt: exchange.replyText === null ? null : excerpt(exchange.userText),
  startSec: null,
});

/** A few sentences of a long text, cut at a sentence end when one is near, else at a word. */
export function excerpt(text: string, maxChars = SOURCE_MAX_CHARS): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed;
  const cut = trimmed.slice(0, maxChars);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return sentenceEnd > maxChars / 5 ? cut.slice(0, sentenceEnd + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/**
 * How close what retrieval found is to the message, 0–1: its meaning (cosine, when dense retrieval ranked it)
 * or the share of the message's words it shares, whichever is higher — and 0 when the two are written in
 * different alphabets (an English question matched to a Russian quote answers nothing it asked).
 */
export function closenessOf(message: string, found: Retrieved<unknown>, foundText: string): number {
  const asked = dominantScript(message);
  const said = dominantScript(foundText);
  if (asked !== null && said !== null && asked !== said) return 0;
  const words = stems(message);
  const theirs = stems(foundText);
  const shared = words.size === 0 ? 0 : [...words].filter((word) => theirs.has(word)).length / words.size;
  const closeness = Math.max(shared, found.similarity ?? 0);
  return Math.round(Math.min(1, Math.max(0, closeness)) * 100) / 100;
}

/** The best closeness among what a reply drew on; null when it drew on nothing. */
export function bestCloseness(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

// Word beginnings, so "лекция" and "лекции", "conference" and "conferences" count as the same word.
const STEM_CHARS = 5;
const MIN_WORD = 3;

function stems(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return new Set(words.filter((word) => word.length >= MIN_WORD).map((word) => word.slice(0, STEM_CHARS)));
}

function dominantScript(text: string): 'latin' | 'cyrillic' | null {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (latin + cyrillic === 0) return null;
  return latin >= cyrillic ? 'latin' : 'cyrillic';
}
