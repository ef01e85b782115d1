import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MetricFigures, verdictOf } from '@bishop/domain';
import { comparison, overallFidelity } from '../../src/fidelity/overall-fidelity.ts';
import type { ScoredTextMetric } from '../../src/fidelity/text-metric.ts';

const figures = (metric: MetricFigures['metric'], quality: MetricFigures['quality']): MetricFigures => ({
  metric,
  replies: 'retrieval',
  status: 'measured',
  reason: null,
  newVersion: 0,
  baseline: 0,
  lift: 0,
  ci95: [0, 0],
  n: 8,
  quality,
  qualityNote: null,
  scale: null,
  models: [],
  raw: null,
  outside: null,
});
const spread = (base: number) => Array.from({ length: 8 }, (_, i) => base + ((i * 7) % 5) / 50);

describe('overall fidelity and the comparison with the active version', () => {
  const scored: ScoredTextMetric[] = [
    {
      figures: figures('styleSimilarity', 'meaningful'),
      perPair: { newVersion: spread(0.4), baseline: spread(0), previous: spread(0.8) },
    },
    {
      figures: figures('authorship', 'meaningful'),
      perPair: { newVersion: spread(0.6), baseline: spread(0.1), previous: spread(0.9) },
    },
    // A test model's figures never enter the overall score.
    {
      figures: figures('embeddingSimilarity', 'testModel'),
      perPair: { newVersion: spread(-5), baseline: spread(5), previous: spread(5) },
    },
  ];

  it('averages the meaningful metrics per pair and lifts over the baseline', () => {
    const result = overallFidelity('retrieval', scored);
    assert.deepEqual(result?.overall.metrics, ['styleSimilarity', 'authorship']);
    assert.ok(Math.abs((result?.overall.lift ?? 0) - 0.45) < 1e-3, JSON.stringify(result?.overall));
    assert.equal(verdictOf(result?.overall.ci95 ?? null), 'better');
  });

  it('flags a version that scores worse than the one that was active', () => {
    const result = overallFidelity('retrieval', scored);
    const compared = comparison(result?.perPair as never, { personaVersion: 3, runId: 'r3', reportedOverall: 0.85 });
    assert.ok((compared.lift ?? 0) < 0);
    assert.ok((compared.ci95?.[1] ?? 0) < 0, JSON.stringify(compared));
    assert.equal(verdictOf(compared.ci95), 'worse');
    assert.equal(compared.reportedOverall, 0.85);
  });

  it('has no overall score without a meaningful measured metric', () => {
    assert.equal(overallFidelity('retrieval', [scored[2] as ScoredTextMetric]), null);
  });
});
