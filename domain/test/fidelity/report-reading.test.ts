import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asAvatarTestReport,
  avatarTestReportFormat,
  cappedScore,
  checkScale,
  overflowOf,
} from '../../src/fidelity/index.ts';

describe('capping to the scale', () => {
  it('keeps a place within 0–1 and counts what went past each end', () => {
    assert.deepEqual([-0.5, 0, 0.4, 1, 2.91].map(cappedScore), [0, 0, 0.4, 1, 1]);
    assert.deepEqual(overflowOf([-0.5, 0, 0.4, 1, 2.91]), { belowFloor: 1, aboveCeiling: 1 });
  });
});

describe('checking a scale', () => {
  const seed = { seed: 1 };
  it('accepts a gap that stands above chance, a constant one too', () => {
    assert.equal(checkScale([0.8, 0.7, 0.9], [0.2, 0.3, 0.1], seed).usable, true);
    assert.equal(checkScale([0.8, 0.8], [0.2, 0.2], seed).usable, true);
  });
  it('refuses floor ≥ ceiling, no gap at all, a gap of noise and a single pair, saying why', () => {
    const reasons = [
      checkScale([0.2, 0.3], [0.5, 0.5], seed),
      checkScale([0.5, 0.5, 0.5], [0.5, 0.5, 0.5], seed),
      checkScale([0.42, 0.58, 0.42, 0.58], [0.49, 0.49, 0.49, 0.49], seed),
      checkScale([0.9], [0.1], seed),
    ].map((check) => (check.usable ? 'usable' : check.reason));
    assert.match(reasons[0] ?? '', /ceiling 0\.25 ≤ floor 0\.5/);
    assert.match(reasons[1] ?? '', /ceiling 0\.5 ≤ floor 0\.5/);
    assert.match(reasons[2] ?? '', /95 % interval of the gap \[-0\.07, 0\.09\] reaches zero/);
    assert.match(reasons[3] ?? '', /1 held-out pair: the ceiling needs two/);
  });
});

describe('reading a stored report', () => {
  const metric = {
    metric: 'styleSimilarity',
    replies: 'retrieval',
    status: 'measured',
    reason: null,
    newVersion: -5.84,
    baseline: 0.1,
    lift: -5.94,
    ci95: [-7, -5],
    n: 10,
    quality: 'meaningful',
    qualityNote: null,
    scale: { unit: 'x', floor: 0.5, ceiling: 0.51 },
    models: [],
  };
  const v1 = {
    format: 'bishop.avatar-test/1',
    runId: 'r1',
    personaVersion: 1,
    metrics: [metric],
    overall: { replies: 'retrieval', metrics: [], newVersion: 1.39, baseline: 0, lift: 1.39, ci95: [1, 2], n: 10 },
    comparedWith: null,
    worse: false,
    verdict: 'better',
  };

  it('reads a format 1 report as recorded (uncapped), saying its scores were not capped', () => {
    const report = asAvatarTestReport(JSON.parse(JSON.stringify(v1)));
    assert.equal(report?.format, avatarTestReportFormat);
    assert.equal(report?.scoresCapped, false);
    assert.equal(report?.metrics[0]?.newVersion, -5.84);
    assert.equal(report?.metrics[0]?.raw, null);
    assert.equal(report?.metrics[0]?.outside, null);
    assert.equal(report?.overall?.raw, null);
    assert.equal(report?.verdictAgainst, 'baseline');
  });

  it('reads nothing of a foreign shape', () => {
    assert.equal(asAvatarTestReport({ ...v1, format: 'bishop.avatar-test/9' }), null);
    assert.equal(asAvatarTestReport({ lift: 0.3 }), null);
  });
});
