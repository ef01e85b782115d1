/**
 * Where a raw score lies between a floor (another person's real words: "anyone")
 * and a ceiling (the person's own other words: "as close as the person is to
 * themself"): 0 at the floor, 1 at the ceiling; below 0 or above 1 is possible.
 */
export interface ScoreScale {
  readonly floor: number;
  readonly ceiling: number;
}

export function normalizedScore(raw: number, { floor, ceiling }: ScoreScale): number {
  return (raw - floor) / (ceiling - floor);
}

/** A scale that cannot tell the person from anyone (ceiling not above floor) measures nothing. */
export function isUsableScale({ floor, ceiling }: ScoreScale): boolean {
  return Number.isFinite(floor) && Number.isFinite(ceiling) && ceiling - floor > 1e-9;
}
