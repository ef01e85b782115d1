import {
  bootstrapMean,
  bootstrapMeanDifference,
  cappedScore,
  checkScale,
  type MetricFigures,
  meanOf,
  normalizedScore,
  overflowOf,
  type ReplySource,
  testModelNote,
} from '@bishop/domain';
import { round4, roundPair, seedOf } from './rounding.ts';
import type { TextScorer } from './text-scorers.ts';

/** Replies to the held-out messages, in pair order; null where no reply could be made. */
export interface ReplySet {
  readonly newVersion: readonly (string | null)[];
  readonly baseline: readonly (string | null)[];
  /** The version that was active before this run; null when there was none. */
  readonly previous: readonly (string | null)[] | null;
}

export interface TextMetricInput {
  /** The person's real replies to the held-out messages. */
  readonly real: readonly string[];
  /** Another person's real words (the floor). */
  readonly floor: readonly string[];
  readonly replies: ReplySet;
  readonly source: ReplySource;
}

/** Per-pair places on the scale, each capped to 0–1 (0 = anyone, 1 = the person), for the overall score and the comparison. */
export interface PerPairScores {
  readonly newVersion: readonly number[];
  readonly baseline: readonly number[];
  readonly previous: readonly number[] | null;
}

export interface ScoredTextMetric {
  readonly figures: MetricFigures;
  readonly perPair: PerPairScores | null;
  /** The same places before capping (below 0 or above 1 possible), for the raw figures. */
  readonly uncapped?: { readonly newVersion: readonly number[]; readonly baseline: readonly number[] };
}

/**
 * Scores the replies with one metric and places them between the floor (mean
 * score of another person's words against each real reply) and the ceiling
 * (mean score of the person's other held-out replies), each reply capped to
 * 0–1 (see normalized-score.ts in the domain). A reply that could not be made
 * counts as 0: no closer to the person than anyone. A scale whose ceiling does
 * not stand above its floor beyond chance measures nothing, and says so.
 */
export async function scoreTextMetric(scorer: TextScorer, input: TextMetricInput): Promise<ScoredTextMetric> {
  const { real, floor, replies, source } = input;
  const n = real.length;
  const base = { metric: scorer.metric, replies: source, models: scorer.models, ...qualityOf(scorer.testModel) };
  if (n < 2)
    return {
      figures: notMeasured(base, `not measured (${n} held-out pair${n === 1 ? '' : 's'}: the ceiling needs two)`, n),
      perPair: null,
    };
  if (floor.length === 0) return { figures: notMeasured(base, 'not measured (no floor text)', n), perPair: null };

  // 1. One scoring pass over every text: real replies, floor texts, then each set of replies.
  const texts = [...real, ...floor];
  const positions = (set: readonly (string | null)[]) =>
    set.map((text) => (text === null ? null : texts.push(text) - 1));
  const at = {
    newVersion: positions(replies.newVersion),
    baseline: positions(replies.baseline),
    previous: replies.previous ? positions(replies.previous) : null,
  };
  const score = await scorer.score(texts, real);

  // 2. The scale: floor and ceiling per held-out pair; their gap must stand above chance.
  const ceilingPerPair = real.map((_, i) => meanOf(real.flatMap((__, k) => (k === i ? [] : [score(k, i)]))));
  const floorPerPair = real.map((_, i) => meanOf(floor.map((__, j) => score(n + j, i))));
  const checked = checkScale(ceilingPerPair, floorPerPair, { seed: seedOf(`${scorer.metric}/${source}/scale`) });
  if (!checked.usable) return { figures: notMeasured(base, checked.reason, n), perPair: null };
  const { scale } = checked;
  // The same question with the texts as the unit of chance: a per-pair gap can look steady while the
  // texts themselves scatter (an English-only encoder on Russian chat gave floor 0.573, ceiling 0.586 and a
  // "lift" of -87). Each of the person's replies and each floor text is scored against the others.
  const ceilingByText = real.map((_, k) => meanOf(real.flatMap((__, i) => (i === k ? [] : [score(k, i)]))));
  const floorByText = floor.map((_, j) => meanOf(real.map((__, i) => score(n + j, i))));
  const gap = bootstrapMeanDifference(ceilingByText, floorByText, { seed: seedOf(`${scorer.metric}|scale`) });
  if (gap.ci95[0] <= 0) {
    const reason =
      `not measured (the person’s own held-out replies do not score reliably closer than another person’s words: ` +
      `ceiling ${round4(scale.ceiling)}, floor ${round4(scale.floor)}, 95 % CI of the gap ${roundPair(gap.ci95).join('…')}; ` +
      `${scorer.models.join(', ') || 'this metric'} cannot tell the person apart here)`;
    return { figures: notMeasured(base, reason, n), perPair: null };
  }

  // 3. Places per pair (capped to 0–1, and uncapped for the raw figures), and the lift over the baseline.
  const uncappedOf = (positionsOfSet: readonly (number | null)[]) =>
    positionsOfSet.map((position, i) => (position === null ? 0 : normalizedScore(score(position, i), scale)));
  const uncapped = { newVersion: uncappedOf(at.newVersion), baseline: uncappedOf(at.baseline) };
  const perPair: PerPairScores = {
    newVersion: uncapped.newVersion.map(cappedScore),
    baseline: uncapped.baseline.map(cappedScore),
    previous: at.previous ? uncappedOf(at.previous).map(cappedScore) : null,
  };
  const lift = bootstrapMean(
    perPair.newVersion.map((value, i) => value - (perPair.baseline[i] as number)),
    { seed: seedOf(`${scorer.metric}/${source}`) },
  );
  const unanswered = replies.baseline.filter((text) => text === null).length;
  return {
    figures: {
      ...base,
      status: 'measured',
      reason:
        unanswered > 0
          ? `the untrained baseline gave no reply to ${unanswered} of ${n} messages; each counts as 0 (anyone)`
          : null,
      newVersion: round4(meanOf(perPair.newVersion)),
      baseline: round4(meanOf(perPair.baseline)),
      lift: round4(lift.mean),
      ci95: roundPair(lift.ci95),
      n,
      scale: { unit: scorer.unit, floor: round4(scale.floor), ceiling: round4(scale.ceiling) },
      raw: { newVersion: round4(meanOf(uncapped.newVersion)), baseline: round4(meanOf(uncapped.baseline)) },
      outside: { newVersion: overflowOf(uncapped.newVersion), baseline: overflowOf(uncapped.baseline) },
    },
    perPair,
    uncapped,
  };
}

export function qualityOf(testModel: boolean): Pick<MetricFigures, 'quality' | 'qualityNote'> {
  return testModel
    ? { quality: 'testModel', qualityNote: testModelNote }
    : { quality: 'meaningful', qualityNote: null };
}

export function notMeasured(
  base: Pick<MetricFigures, 'metric' | 'replies' | 'models' | 'quality' | 'qualityNote'>,
  reason: string,
  n = 0,
): MetricFigures {
  return {
    ...base,
    status: 'notMeasured',
    reason,
    newVersion: null,
    baseline: null,
    lift: null,
    ci95: null,
    n,
    scale: null,
    raw: null,
    outside: null,
  };
}
