import type { Turn } from './fixtures.ts';

interface Timed {
  readonly startSec: number | null;
  readonly endSec: number | null;
  readonly isPerson?: boolean | null;
}

const overlap = (a: Timed, b: Turn) =>
  Math.max(0, Math.min(a.endSec ?? 0, b.endSec) - Math.max(a.startSec ?? 0, b.startSec));

/**
 * Recall and precision of the person's speech by time. Recall: the share of
 * the person's speaking time inside segments tagged as the person. Precision:
 * the share of the time tagged as the person that the person speaks (silence
 * counts against it too).
 */
export function personTime(segments: readonly Timed[], truth: readonly Turn[]) {
  const person = truth.filter((turn) => turn.voice === 'person');
  const tagged = segments.filter((segment) => segment.isPerson === true);
  const hit = tagged.reduce((sum, s) => sum + person.reduce((x, turn) => x + overlap(s, turn), 0), 0);
  const spoken = person.reduce((sum, turn) => sum + turn.endSec - turn.startSec, 0);
  const claimed = tagged.reduce((sum, s) => sum + (s.endSec ?? 0) - (s.startSec ?? 0), 0);
  return { recall: hit / spoken, precision: claimed > 0 ? hit / claimed : 0 };
}
