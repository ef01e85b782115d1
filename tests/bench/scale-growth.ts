import { type BenchRow, median, percentile } from './harness.ts';

/**
 * How a cost grew between the smallest and the largest size of a scale row,
 * in words: the exponent of the growth (cost ∝ size^e) read off the two ends.
 */
export function growthVerdict(sizes: readonly number[], costs: readonly number[]): { text: string; exponent: number } {
  const firstSize = sizes[0] ?? 1;
  const lastSize = sizes.at(-1) ?? 1;
  const firstCost = costs[0] ?? 1;
  const lastCost = costs.at(-1) ?? 1;
  const sizeRatio = lastSize / firstSize;
  const costRatio = lastCost / firstCost;
  if (sizeRatio <= 1) return { text: 'one size only', exponent: 0 };
  const exponent = Math.log(Math.max(costRatio, 1e-9)) / Math.log(sizeRatio);
  const verdict =
    exponent < 0.2
      ? 'flat (sub-linear)'
      : exponent < 0.8
        ? 'sub-linear'
        : exponent <= 1.2
          ? 'linear'
          : 'worse than linear';
  return {
    text: `${costRatio.toFixed(2)}× at ${sizeRatio.toFixed(0)}× the size: ${verdict} (cost ∝ size^${exponent.toFixed(2)})`,
    exponent,
  };
}

/**
 * One size's row of a latency-as-data-grows benchmark: p50 the figure, the p99 and how it grew since the
 * smallest size (`p99s` so far, this size's last) in the goal, judged by `meets` on that growth.
 */
export function scaleLatencyRow(row: {
  readonly benchmark: string;
  readonly latencies: readonly number[];
  readonly sizes: readonly number[];
  readonly p99s: readonly number[];
  readonly meets: (growth: ReturnType<typeof growthVerdict>) => boolean;
  readonly note: string;
}): BenchRow {
  const p50 = percentile(row.latencies, 0.5);
  const p99 = row.p99s.at(-1) ?? Number.NaN;
  const growth = growthVerdict(row.sizes.slice(0, row.p99s.length), row.p99s);
  return {
    benchmark: row.benchmark,
    unit: 'ms',
    anchor: Number.NaN,
    ours: p50,
    anchorSamples: [],
    oursSamples: [p50, median(row.latencies), p99],
    target: {
      text: `p99 ${p99.toFixed(1)} ms; ${row.p99s.length > 1 ? `p99 ${growth.text}` : 'the baseline size'}`,
      met: row.meets(growth),
    },
    note: `${row.note}; samples are p50, median, p99`,
  };
}
