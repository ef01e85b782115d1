import {
  bootstrapMean,
  isUsableScale,
  type MetricFigures,
  meanOf,
  normalizedScore,
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

/** Normalised per-pair scores (0 = anyone, 1 = the person), for the overall score and the comparison. */
export interface PerPairScores {
  readonly newVersion: readonly number[];
  readonly baseline: readonly number[];
  readonly previous: readonly number[] | null;
}

export interface ScoredTextMetric {
  readonly figures: MetricFigures;
  readonly perPair: PerPairScores | null;
}

/**
 * Scores the replies with one metric and places them between the floor (mean
 * score of another person's words against each real reply) and the ceiling
 * (mean score of the person's other held-out replies). A reply that could
 * not be made counts as 0: no closer to the person than anyone.
 */
export async function scoreTextMetric(scorer: TextScorer, input: TextMetricInput): Promise<ScoredTextMetric> {
  const { real, floor, replies, source } = input;
  const n = real.length;
  const base = { metric: scorer.metric, replies: source, models: scorer.models, ...qualityOf(scorer.testModel) };
  if (n < 2)
    return { figures: notMeasured(base, `not measured (${n} held-out pair: the ceiling needs two)`, n), perPair: null };
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

  // 2. The scale: floor and ceiling, each averaged over the held-out pairs.
  const ceilingPerPair = real.map((_, i) => meanOf(real.flatMap((__, k) => (k === i ? [] : [score(k, i)]))));
  const floorPerPair = real.map((_, i) => meanOf(floor.map((__, j) => score(n + j, i))));
  const scale = { floor: meanOf(floorPerPair), ceiling: meanOf(ceilingPerPair) };
  if (!isUsableScale(scale)) {
    return {
      figures: notMeasured(
        base,
        `not measured (the person’s own held-out replies score no closer than another person’s words: ceiling ${round4(scale.ceiling)} ≤ floor ${round4(scale.floor)})`,
        n,
      ),
      perPair: null,
    };
  }

  // 3. Normalised scores per pair, and the lift over the baseline with its bootstrap interval.
  const normalised = (positionsOfSet: readonly (number | null)[]) =>
    positionsOfSet.map((position, i) => (position === null ? 0 : normalizedScore(score(position, i), scale)));
  const perPair: PerPairScores = {
    newVersion: normalised(at.newVersion),
    baseline: normalised(at.baseline),
    previous: at.previous ? normalised(at.previous) : null,
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
    },
    perPair,
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
  };
}
