/** Summary of a list of counts (words per sentence, per message). */
export interface Distribution {
  readonly mean: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly stdev: number;
}

export function distributionOf(values: readonly number[]): Distribution {
  if (values.length === 0) return { mean: 0, median: 0, p10: 0, p90: 0, stdev: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const variance = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sorted.length;
  return {
    mean: rounded(mean),
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    stdev: rounded(Math.sqrt(variance)),
  };
}

/** Linear interpolation between the closest ranks (the usual "type 7" quantile). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] ?? 0;
  return rounded(lowValue + ((sorted[high] ?? lowValue) - lowValue) * (position - low));
}

/** Four decimals: a profile is read by people and compared by code, never needs more. */
export function rounded(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : rounded(part / whole);
}
