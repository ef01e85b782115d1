/**
 * The small vocabulary every benchmark in tests/bench shares: what a
 * benchmark is, how rounds alternate between the anchor and us, and medians.
 */

/** One line of the result table: the same workload run on the anchor and on ours. */
export interface BenchRow {
  readonly benchmark: string;
  /** Unit of both figures, e.g. `events/s` (higher is better). */
  readonly unit: string;
  /** Median of the anchor's measured rounds. */
  readonly anchor: number;
  /** Median of our measured rounds. */
  readonly ours: number;
  readonly anchorSamples: readonly number[];
  readonly oursSamples: readonly number[];
  /** How the figure was obtained (APIs used, sizes), shown under the table. */
  readonly note: string;
  /** A figure without an anchor (anchor NaN, no anchor samples) is judged against a goal of its own. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

export interface BenchContext {
  /** Tiny sizes for the smoke test: figures are not comparable with a full run. */
  readonly quick: boolean;
  /** PostgreSQL server URL (any database); benchmarks create and drop their own databases on it. */
  readonly serverUrl: string;
  log(message: string): void;
}

export interface Benchmark {
  readonly name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

/** Work done in one timed round: `count` units in `ms` milliseconds. */
export interface Sample {
  readonly count: number;
  readonly ms: number;
}

export async function timed(work: () => Promise<number>): Promise<Sample> {
  const start = performance.now();
  const count = await work();
  return { count, ms: performance.now() - start };
}

export function perSecond(sample: Sample): number {
  return (sample.count * 1000) / sample.ms;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The nearest-rank percentile (`p` from 0 to 1): a value that was measured, never one between two. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

export interface AlternatingOptions {
  readonly warmups: number;
  readonly rounds: number;
  readonly anchor: () => Promise<Sample>;
  readonly ours: () => Promise<Sample>;
}

/**
 * Runs warm-up rounds, then measured rounds in ABBA order (anchor first in
 * even rounds, ours first in odd ones) so drift such as table growth,
 * checkpoints or autovacuum falls on both sides alike. Returns rates per second.
 */
export async function alternate(options: AlternatingOptions): Promise<{ anchor: number[]; ours: number[] }> {
  for (let i = 0; i < options.warmups; i++) {
    await options.anchor();
    await options.ours();
  }
  const anchor: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      anchor.push(perSecond(await options.anchor()));
      ours.push(perSecond(await options.ours()));
    } else {
      ours.push(perSecond(await options.ours()));
      anchor.push(perSecond(await options.anchor()));
    }
  }
  return { anchor, ours };
}
