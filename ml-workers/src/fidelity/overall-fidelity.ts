import {
  bootstrapMean,
  type ComparedWith,
  type FidelityMetricName,
  meanOf,
  type OverallFidelity,
  type ReplySource,
} from '@bishop/domain';
import { round4, roundPair, seedOf } from './rounding.ts';
import type { PerPairScores, ScoredTextMetric } from './text-metric.ts';

/**
 * One figure for "how much like the person": per held-out pair, the mean of
 * the measured, meaningful text metrics (each already capped to 0 = anyone …
 * 1 = the person), then the lift over the baseline with its bootstrap interval.
 */
export function overallFidelity(
  source: ReplySource,
  scored: readonly ScoredTextMetric[],
): { overall: OverallFidelity; perPair: PerPairScores } | null {
  const counted = scored.filter(
    (s): s is ScoredTextMetric & { perPair: PerPairScores } =>
      s.perPair !== null && s.figures.status === 'measured' && s.figures.quality === 'meaningful',
  );
  if (counted.length === 0) return null;
  const perPair = averagePerPair(counted.map((s) => s.perPair));
  const raw = counted.every((s) => s.uncapped)
    ? averagePerPair(counted.map((s) => ({ ...(s.uncapped as PerPairScores), previous: null })))
    : null;
  const lift = bootstrapMean(
    perPair.newVersion.map((value, i) => value - (perPair.baseline[i] as number)),
    { seed: seedOf(`overall/${source}`) },
  );
  return {
    overall: {
      replies: source,
      metrics: counted.map((s) => s.figures.metric as FidelityMetricName),
      newVersion: round4(meanOf(perPair.newVersion)),
      baseline: round4(meanOf(perPair.baseline)),
      lift: round4(lift.mean),
      ci95: roundPair(lift.ci95),
      n: perPair.newVersion.length,
      raw: raw ? { newVersion: round4(meanOf(raw.newVersion)), baseline: round4(meanOf(raw.baseline)) } : null,
    },
    perPair,
  };
}

/** This version against the one that was active, on the same held-out pairs. */
export function comparison(
  perPair: PerPairScores,
  previous: { personaVersion: number; runId: string; reportedOverall: number | null },
): ComparedWith {
  if (!perPair.previous) return { ...previous, overall: null, lift: null, ci95: null };
  const old = perPair.previous;
  const lift = bootstrapMean(
    perPair.newVersion.map((value, i) => value - (old[i] as number)),
    { seed: seedOf('compared-with') },
  );
  return { ...previous, overall: round4(meanOf(old)), lift: round4(lift.mean), ci95: roundPair(lift.ci95) };
}

function averagePerPair(sets: readonly PerPairScores[]): PerPairScores {
  const average = (pick: (set: PerPairScores) => readonly number[] | null) => {
    const lists = sets.map(pick);
    if (lists.some((list) => list === null)) return null;
    const first = lists[0] as readonly number[];
    return first.map((_, i) => meanOf(lists.map((list) => (list as readonly number[])[i] as number)));
  };
  return {
    newVersion: average((set) => set.newVersion) as number[],
    baseline: average((set) => set.baseline) as number[],
    previous: average((set) => set.previous),
  };
}
