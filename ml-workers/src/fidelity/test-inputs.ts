import type { PersonaPair, PersonaSnapshot } from '../persona/index.ts';
import type { GenericCorpus } from './generic-corpus.ts';

// Enough other people's words for a stable floor; fewer, and the generic corpus stands in.
const MIN_FLOOR_TEXTS = 10;
const MAX_FLOOR_TEXTS = 100;
// The classifier learns the person from at most this much text (an even sample of a larger corpus).
const MAX_TRAINING_CHARS = 200_000;

/** At most `max` held-out pairs, evenly spread over all of them (deterministic). */
export function pairsToTest(heldOut: readonly PersonaPair[], max: number): PersonaPair[] {
  return evenSample(heldOut, max);
}

/**
 * "Another person": the other participants' messages the person answered in
 * training (the prompts of training pairs), else the generic corpus's floor half;
 * none when there are too few and Bishop has no generic text in the language.
 */
export function floorTexts(
  snapshot: PersonaSnapshot,
  generic: GenericCorpus | null,
): { texts: readonly string[]; source: 'otherParticipants' | 'genericCorpus' | 'none' } {
  const heldOut = new Set(snapshot.heldOutPairIds);
  const prompts = [
    ...new Set(
      snapshot.pairs
        .filter((pair) => !heldOut.has(pair.id))
        .map((pair) => pair.prompt.trim())
        .filter((prompt) => prompt.split(/\s+/).length >= 2),
    ),
  ];
  if (prompts.length < MIN_FLOOR_TEXTS) {
    return generic ? { texts: generic.floor, source: 'genericCorpus' } : { texts: [], source: 'none' };
  }
  return { texts: evenSample(prompts, MAX_FLOOR_TEXTS), source: 'otherParticipants' };
}

/** The person's words the version was trained on (passages and training replies; held-out replies are never among them). */
export function trainingTexts(snapshot: PersonaSnapshot): string[] {
  const heldOut = new Set(snapshot.heldOutPairIds);
  const texts = [
    ...new Set([
      ...snapshot.passages.map((passage) => passage.text),
      ...snapshot.pairs.filter((pair) => !heldOut.has(pair.id)).map((pair) => pair.reply),
    ]),
  ];
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  if (chars <= MAX_TRAINING_CHARS) return texts;
  return texts.filter((_, i) => i % Math.ceil(chars / MAX_TRAINING_CHARS) === 0);
}

function evenSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)] as T);
}
