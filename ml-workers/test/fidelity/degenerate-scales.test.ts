import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportVerdict } from '@bishop/domain';
import { overallFidelity } from '../../src/fidelity/overall-fidelity.ts';
import { type ReplySet, scoreTextMetric } from '../../src/fidelity/text-metric.ts';
import type { TextScorer } from '../../src/fidelity/text-scorers.ts';

/** A scorer whose raw score of a text is the number it starts with, whatever the reference: the scale is in the test's hands. */
const numberScorer: TextScorer = {
  metric: 'styleSimilarity',
  unit: 'the number in the text',
  models: [],
  testModel: false,
  async score(texts) {
    return (text) => Number.parseFloat(texts[text] as string);
  },
};

/** The person's real replies with these raw scores (suffixed so each is its own text). */
const person = (...values: number[]) => values.map((value, i) => `${value}#${i}`);
const same = (count: number, value: number | null) =>
  Array.from({ length: count }, () => (value === null ? null : String(value)));
const replies = (newVersion: (string | null)[], baseline: (string | null)[]): ReplySet => ({
  newVersion,
  baseline,
  previous: null,
});
const measure = (real: string[], floor: string[], set: ReplySet) =>
  scoreTextMetric(numberScorer, { real, floor, replies: set, source: 'retrieval' });

describe('the 0 (anyone) … 1 (the person) scale', () => {
  it('caps replies beyond the ceiling at 1 and below the floor at 0, counting them and keeping the raw means', async () => {
    // Ceiling 0.8, floor 0.2: 1.4 sits at 2 (closer than the person's own other replies), -0.1 at -0.5.
    const { figures } = await measure(
      person(0.8, 0.8, 0.8, 0.8),
      ['0.2'],
      replies(['1.4', '1.4', '0.5', '-0.1'], same(4, 0.2)),
    );
    assert.equal(figures.status, 'measured', figures.reason ?? '');
    assert.equal(figures.newVersion, 0.625, 'mean of 1, 1, 0.5, 0');
    assert.deepEqual(figures.raw, { newVersion: 1, baseline: 0 }, 'mean of 2, 2, 0.5, -0.5');
    assert.deepEqual(figures.outside, {
      newVersion: { belowFloor: 1, aboveCeiling: 2 },
      baseline: { belowFloor: 0, aboveCeiling: 0 },
    });
    assert.equal(figures.lift, 0.625);
    for (const value of [figures.newVersion, figures.baseline]) assert.ok(value !== null && value >= 0 && value <= 1);
    for (const end of figures.ci95 ?? []) assert.ok(end >= -1 && end <= 1, `${figures.ci95}`);
  });

  it('measures a constant gap (zero variance on both sides): all at the ceiling reads 1', async () => {
    const { figures } = await measure(person(0.7, 0.7, 0.7), ['0.3', '0.3'], replies(same(3, 0.7), same(3, 0.3)));
    assert.equal(figures.status, 'measured', figures.reason ?? '');
    assert.equal(figures.newVersion, 1);
    assert.equal(figures.baseline, 0);
    assert.deepEqual(figures.ci95, [1, 1]);
  });

  it('measures nothing when the floor is at or above the ceiling', async () => {
    const { figures, perPair } = await measure(person(0.2, 0.2, 0.2), ['0.5'], replies(same(3, 0.9), same(3, 0.1)));
    assert.equal(figures.status, 'notMeasured');
    assert.match(figures.reason ?? '', /ceiling 0\.2 ≤ floor 0\.5/);
    assert.equal(figures.newVersion, null);
    assert.equal(perPair, null);
  });

  it('measures nothing when every score is the same (zero variance, floor = ceiling)', async () => {
    const { figures } = await measure(person(0.5, 0.5, 0.5), ['0.5'], replies(same(3, 0.5), same(3, 0.5)));
    assert.equal(figures.status, 'notMeasured');
    assert.match(figures.reason ?? '', /no closer than another person/);
  });

  it('measures nothing with one held-out pair: the ceiling needs two', async () => {
    const { figures } = await measure(person(0.8), ['0.2'], replies(['0.8'], ['0.2']));
    assert.equal(figures.status, 'notMeasured');
    assert.equal(figures.reason, 'not measured (1 held-out pair: the ceiling needs two)');
    assert.equal(figures.n, 1);
  });

  it('measures nothing when the ceiling stands above the floor only by chance (the −5.84 / 7.1 class)', async () => {
    // The person's replies swing 0.1…0.9; the floor sits 0.01 below their mean: a gap of noise.
    const real = person(0.9, 0.1, 0.9, 0.1, 0.9, 0.1);
    const { figures } = await measure(real, ['0.49'], replies(same(6, 0.6), same(6, 0.49)));
    assert.equal(figures.status, 'notMeasured', `measured as ${figures.newVersion} (raw ${figures.raw?.newVersion})`);
    assert.match(figures.reason ?? '', /not told apart from another person’s words: .*reaches zero/);
  });

  it('counts a reply the version could not make as 0 (anyone), raw too', async () => {
    const { figures } = await measure(person(0.8, 0.8), ['0.2'], replies([null, '0.8'], [null, null]));
    assert.equal(figures.newVersion, 0.5);
    assert.deepEqual(figures.raw, { newVersion: 0.5, baseline: 0 });
  });
});

describe('the overall score and the verdict', () => {
  it('averages capped places, so the overall score stays within 0–1 while the raw mean may not', async () => {
    const scored = await measure(person(0.8, 0.8, 0.8, 0.8), ['0.2'], replies(['2', '2', '2', '0.8'], same(4, 0.2)));
    const overall = overallFidelity('retrieval', [scored])?.overall;
    assert.equal(overall?.newVersion, 1);
    assert.equal(overall?.raw?.newVersion, 2.5);
    assert.equal(reportVerdict(overall ?? null, null).verdict, 'better');
  });

  it('says what the verdict is against, and rests on the interval shown beside it', () => {
    const overall = { ci95: [0.1, 0.3] as const };
    assert.deepEqual(reportVerdict(overall, null), { verdict: 'better', verdictAgainst: 'baseline', worse: false });
    // Against the version that was active: better than the baseline, yet no better than that version.
    assert.deepEqual(reportVerdict(overall, { ci95: [-0.05, 0.02] }), {
      verdict: 'unclear',
      verdictAgainst: 'previousVersion',
      worse: false,
    });
    assert.deepEqual(reportVerdict(overall, { ci95: [-0.3, -0.1] }), {
      verdict: 'worse',
      verdictAgainst: 'previousVersion',
      worse: true,
    });
    // The active version could not be scored again: the verdict falls back to the baseline, and says so.
    assert.equal(reportVerdict(overall, { ci95: null }).verdictAgainst, 'baseline');
    assert.deepEqual(reportVerdict(null, null), { verdict: 'notMeasured', verdictAgainst: null, worse: false });
  });
});
