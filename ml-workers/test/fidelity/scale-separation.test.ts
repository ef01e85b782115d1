import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreTextMetric } from '../../src/fidelity/text-metric.ts';
import type { TextScorer } from '../../src/fidelity/text-scorers.ts';

/**
 * A scorer whose similarity is a fixed table: texts "p…" are the person's,
 * "o…" another person's. `gap` is how much closer the person's own texts
 * score to each other than the other person's do; `noise` varies per text.
 */
function tableScorer(gap: number, noise: number): TextScorer {
  const jitter = (text: string) => ((Number(text.slice(1)) * 7919) % 13) / 13 - 0.5;
  return {
    metric: 'embeddingSimilarity',
    unit: 'cosine similarity to the real reply',
    models: ['table'],
    testModel: false,
    async score(texts) {
      return (t, r) => {
        const text = texts[t] as string;
        const base = text.startsWith('p') ? 0.5 + gap : 0.5;
        return base + noise * jitter(text) + 0.001 * r;
      };
    },
  };
}

const person = Array.from({ length: 12 }, (_, i) => `p${i}`);
const other = Array.from({ length: 12 }, (_, i) => `o${i}`);
const input = {
  real: person.slice(0, 10),
  floor: other,
  source: 'retrieval' as const,
  replies: { newVersion: person.slice(2, 12), baseline: other.slice(0, 10), previous: null },
};

describe('a metric needs a scale it can measure on', () => {
  it('is not measured when the person scores no reliably closer than another person (a model that cannot tell them apart)', async () => {
    // Ceiling 0.013 above the floor amid ±0.1 noise: what an English-only encoder gave on Russian chat.
    const { figures } = await scoreTextMetric(tableScorer(0.013, 0.2), input);
    assert.equal(figures.status, 'notMeasured', JSON.stringify(figures));
    assert.match(
      figures.reason ?? '',
      /^not measured \(the person’s own held-out replies do not score reliably closer/,
    );
    assert.equal(figures.newVersion, null);
  });

  it('is measured when the gap stands clear of the noise', async () => {
    const { figures } = await scoreTextMetric(tableScorer(0.2, 0.05), input);
    assert.equal(figures.status, 'measured', JSON.stringify(figures));
    assert.ok((figures.ci95?.[0] ?? 0) > 0);
  });
});
