import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bootstrapMean,
  bootstrapMeanDifference,
  isUsableScale,
  normalizedScore,
  seededRandom,
  verdictOf,
} from '../../src/fidelity/index.ts';

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds, uniform in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(
      first,
      Array.from({ length: 1000 }, () => b()),
    );
    assert.notEqual(seededRandom(8)(), first[0]);
    assert.ok(first.every((x) => x >= 0 && x < 1));
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    assert.ok(Math.abs(mean - 0.5) < 0.03, `mean ${mean}`);
  });
});

describe('bootstrap', () => {
  const shifted = Array.from({ length: 40 }, (_, i) => 0.5 + ((i * 37) % 11) / 20);

  it('gives the same interval for the same seed', () => {
    assert.deepEqual(bootstrapMean(shifted, { seed: 1 }), bootstrapMean(shifted, { seed: 1 }));
  });

  it('brackets the mean; a clearly positive sample has an interval above zero', () => {
    const { mean, ci95, n } = bootstrapMean(shifted, { seed: 1 });
    assert.equal(n, 40);
    assert.ok(ci95[0] <= mean && mean <= ci95[1]);
    assert.ok(ci95[0] > 0);
  });

  it('centres on zero for values symmetric around zero', () => {
    const symmetric = shifted.flatMap((x) => [x, -x]);
    const { ci95 } = bootstrapMean(symmetric, { seed: 3 });
    assert.ok(ci95[0] < 0 && ci95[1] > 0, `${ci95}`);
  });

  it('tells two different samples apart, and two draws of one sample not', () => {
    const other = shifted.map((x) => x - 0.6);
    assert.ok(bootstrapMeanDifference(shifted, other, { seed: 5 }).ci95[0] > 0);
    const even = shifted.filter((_, i) => i % 2 === 0);
    const odd = shifted.filter((_, i) => i % 2 === 1);
    const { ci95 } = bootstrapMeanDifference(even, odd, { seed: 5 });
    assert.ok(ci95[0] < 0 && ci95[1] > 0, `${ci95}`);
  });

  it('refuses an empty sample', () => {
    assert.throws(() => bootstrapMean([], { seed: 1 }), RangeError);
  });
});

describe('normalised score', () => {
  it('is 0 at the floor and 1 at the ceiling', () => {
    assert.equal(normalizedScore(0.2, { floor: 0.2, ceiling: 0.6 }), 0);
    assert.equal(normalizedScore(0.6, { floor: 0.2, ceiling: 0.6 }), 1);
    assert.ok(Math.abs(normalizedScore(0.4, { floor: 0.2, ceiling: 0.6 }) - 0.5) < 1e-12);
  });

  it('is unusable when the ceiling is not above the floor', () => {
    assert.equal(isUsableScale({ floor: 0.5, ceiling: 0.5 }), false);
    assert.equal(isUsableScale({ floor: 0.6, ceiling: 0.5 }), false);
    assert.equal(isUsableScale({ floor: 0.1, ceiling: 0.5 }), true);
  });
});

describe('verdict', () => {
  it('is better or worse only when the interval excludes zero', () => {
    assert.equal(verdictOf([0.1, 0.3]), 'better');
    assert.equal(verdictOf([-0.3, -0.1]), 'worse');
    assert.equal(verdictOf([-0.1, 0.3]), 'unclear');
    assert.equal(verdictOf(null), 'notMeasured');
  });
});
