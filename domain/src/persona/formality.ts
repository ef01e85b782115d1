import { share } from './distribution.ts';
import { formalAddress, informalAddress } from './style-lexicon.ts';
import type { AnalysedText } from './text-units.ts';

/** How the person addresses others in Russian: "ты" (informal) or "вы" (formal, or plural). */
export interface Formality {
  readonly informal: number;
  readonly formal: number;
  /** "Вы" with a capital inside a sentence: the written mark of respect to one person. */
  readonly capitalisedFormal: number;
  /** Share of formal among all forms of address; null without any. */
  readonly formalShare: number | null;
  readonly register: 'informal' | 'formal' | 'mixed' | 'unknown';
}

// Fewer forms of address than this say nothing about a habit; beyond it, 80 % one way is a habit.
const MIN_FORMS = 3;
const HABIT = 0.8;

export function formalityOf(texts: readonly AnalysedText[]): Formality {
  let informal = 0;
  let formal = 0;
  let capitalisedFormal = 0;
  for (const sentence of texts.flatMap((text) => text.sentences)) {
    sentence.normal.forEach((normal, position) => {
      if (informalAddress.has(normal)) informal += 1;
      if (formalAddress.has(normal)) {
        formal += 1;
        if (position > 0 && sentence.words[position]?.[0] === 'В') capitalisedFormal += 1;
      }
    });
  }
  const total = informal + formal;
  const formalShare = total === 0 ? null : share(formal, total);
  return { informal, formal, capitalisedFormal, formalShare, register: registerOf(total, formalShare) };
}

function registerOf(total: number, formalShare: number | null): Formality['register'] {
  if (total < MIN_FORMS || formalShare === null) return 'unknown';
  if (formalShare >= HABIT) return 'formal';
  if (formalShare <= 1 - HABIT) return 'informal';
  return 'mixed';
}
