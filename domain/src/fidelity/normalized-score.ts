import { bootstrapMean, meanOf } from './bootstrap.ts';

/**
 * The avatar test's text scale. A raw score is placed between a floor
 * (another person's real words: "anyone") and a ceiling (the person's own
 * other words: "as close as the person is to themself"): 0 at the floor, 1 at
 * the ceiling. A reply can land beyond either end — closer to the person's
 * real reply than the person's own other replies are, or further from it than
 * another person's words — so each reply's place is capped to [0, 1] before
 * anything is averaged: every mean, lift and interval then reads on the same
 * 0–1 scale (lifts on −1…+1), and how many replies went past each end is
 * counted apart (`ScaleOverflow`), with the uncapped means kept as raw figures.
 */
export interface ScoreScale {
  readonly floor: number;
  readonly ceiling: number;
}

/** Where a raw score lies on the scale, uncapped: below 0 or above 1 is possible. */
export function normalizedScore(raw: number, { floor, ceiling }: ScoreScale): number {
  return (raw - floor) / (ceiling - floor);
}

/** A reply's place on the scale, capped to [0, 1]: 0 = no closer than anyone, 1 = as close as the person, or closer. */
export function cappedScore(normalized: number): number {
  return Math.min(1, Math.max(0, normalized));
}

/** How many replies fell outside floor…ceiling before capping. */
export interface ScaleOverflow {
  readonly belowFloor: number;
  readonly aboveCeiling: number;
}

export function overflowOf(normalized: readonly number[]): ScaleOverflow {
  return {
    belowFloor: normalized.filter((value) => value < 0).length,
    aboveCeiling: normalized.filter((value) => value > 1).length,
  };
}

/** A scale that cannot tell the person from anyone (ceiling not above floor) measures nothing. */
export function isUsableScale({ floor, ceiling }: ScoreScale): boolean {
  return Number.isFinite(floor) && Number.isFinite(ceiling) && ceiling - floor > 1e-9;
}

export type ScaleCheck =
  | { readonly usable: true; readonly scale: ScoreScale }
  | { readonly usable: false; readonly scale: ScoreScale; readonly reason: string };

/**
 * The scale of one metric from its per-pair ceilings and floors (the same
 * held-out pairs). It is usable only when the ceiling stands above the floor
 * beyond chance — the 95 % bootstrap interval of the per-pair gap lies above
 * zero — because dividing by a gap that is mostly noise turns small
 * differences into figures like −5.8 or 7.1 that mean nothing.
 */
export function checkScale(
  ceilingPerPair: readonly number[],
  floorPerPair: readonly number[],
  options: { readonly seed: number },
): ScaleCheck {
  const scale = { floor: meanOf(floorPerPair), ceiling: meanOf(ceilingPerPair) };
  const shown = (value: number) => (Math.round(value * 10_000) / 10_000).toString();
  if (ceilingPerPair.length < 2 || ceilingPerPair.length !== floorPerPair.length) {
    return {
      usable: false,
      scale,
      reason: `not measured (${ceilingPerPair.length} held-out pair: the ceiling needs two)`,
    };
  }
  if (!isUsableScale(scale)) {
    return {
      usable: false,
      scale,
      reason: `not measured (the person’s own held-out replies score no closer than another person’s words: ceiling ${shown(scale.ceiling)} ≤ floor ${shown(scale.floor)})`,
    };
  }
  const gap = bootstrapMean(
    ceilingPerPair.map((ceiling, i) => ceiling - (floorPerPair[i] as number)),
    options,
  );
  if (!(gap.ci95[0] > 0)) {
    return {
      usable: false,
      scale,
      reason: `not measured (on these held-out pairs the person’s own replies are not told apart from another person’s words: ceiling ${shown(scale.ceiling)}, floor ${shown(scale.floor)}, 95 % interval of the gap [${shown(gap.ci95[0])}, ${shown(gap.ci95[1])}] reaches zero)`,
    };
  }
  return { usable: true, scale };
}
