import type { SpeakerTurn } from './speaker-turns.ts';

/**
 * A recording's speaker turns ordered by time, for finding those a transcript segment overlaps and the one
 * nearest a segment between turns, by binary search. A 3-hour recording has thousands of segments and of
 * turns: comparing each segment with every turn was quadratic (millions of objects, ≈ 80 MB at once).
 */
export class TurnsByTime {
  readonly #turns: readonly SpeakerTurn[];
  /** For each i, the index among turns[0..i] of the one ending last (the earliest such one). */
  readonly #endsLast: readonly number[];

  constructor(turns: readonly SpeakerTurn[]) {
    // A stable sort: turns starting together keep their order.
    this.#turns = [...turns].sort((a, b) => a.startSec - b.startSec);
    const endsLast: number[] = [];
    this.#turns.forEach((turn, i) => {
      const before = endsLast[i - 1];
      endsLast.push(before !== undefined && this.#at(before).endSec >= turn.endSec ? before : i);
    });
    this.#endsLast = endsLast;
  }

  /** The turns sharing some time with [startSec, endSec), in order of their start. */
  overlapping(startSec: number, endSec: number): SpeakerTurn[] {
    const found: SpeakerTurn[] = [];
    if (endSec <= startSec) return found;
    // Every turn starting before endSec, from the last one back, while some turn up to here ends after startSec.
    for (let i = this.#startingBefore(endSec) - 1; i >= 0 && this.#lastEndUpTo(i) > startSec; i--) {
      const turn = this.#at(i);
      if (turn.endSec > startSec && turn.endSec > turn.startSec) found.push(turn);
    }
    return found.reverse();
  }

  /** The turn closest in time to a stretch that overlaps none: the one ending last before it, or the next. */
  nearest(startSec: number, endSec: number): SpeakerTurn | undefined {
    const next = this.#startingBefore(endSec);
    const before = next > 0 ? this.#at(this.#endsLast[next - 1] as number) : undefined;
    const after = this.#turns[next];
    if (!before || !after) return before ?? after;
    return startSec - before.endSec <= after.startSec - endSec ? before : after;
  }

  /** How many turns start before `sec`. */
  #startingBefore(sec: number): number {
    let low = 0;
    let high = this.#turns.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#at(mid).startSec < sec) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  #lastEndUpTo(i: number): number {
    return this.#at(this.#endsLast[i] as number).endSec;
  }

  #at(i: number): SpeakerTurn {
    return this.#turns[i] as SpeakerTurn;
  }
}
