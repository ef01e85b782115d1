import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TestReportCard from '../src/lib/components/reports/TestReportCard.svelte';
import type { TestReportFieldsFragment } from '../src/lib/graphql/generated/graphql.ts';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

type Metric = TestReportFieldsFragment['metrics'][number];

const metric = (overrides: Partial<Metric>): Metric => ({
  metric: 'STYLE_SIMILARITY',
  replies: 'RETRIEVAL',
  measured: true,
  reason: null,
  onScale: true,
  unit: 'stylometric similarity',
  newVersion: 0.8,
  baseline: 0.1,
  rawNewVersion: 0.8,
  rawBaseline: 0.1,
  newVersionOutside: { belowFloor: 0, aboveCeiling: 0 },
  lift: 0.7,
  liftLow: 0.5,
  liftHigh: 0.9,
  n: 10,
  quality: 'MEANINGFUL',
  qualityNote: null,
  ...overrides,
});

const overall: NonNullable<TestReportFieldsFragment['overall']> = {
  replies: 'RETRIEVAL',
  newVersion: 0.92,
  baseline: 0.05,
  rawNewVersion: 1.39,
  rawBaseline: 0.05,
  lift: 0.87,
  liftLow: 0.7,
  liftHigh: 0.95,
  n: 10,
};

const report = (overrides: Partial<TestReportFieldsFragment>): TestReportFieldsFragment => ({
  runId: 'r2',
  personaVersion: 2,
  status: 'DONE',
  startedAt: '2026-12-07T10:00:00.000Z',
  createdAt: '2026-12-07T10:00:13.000Z',
  verdict: 'BETTER',
  verdictAgainst: 'BASELINE',
  scoresCapped: true,
  worse: false,
  headline: 'RETRIEVAL',
  heldOutPairs: 10,
  pairsTested: 10,
  notes: [],
  overall,
  comparedWith: null,
  metrics: [metric({})],
  examples: [],
  ...overrides,
});

describe('test report card', () => {
  i18n.setLocale('en');

  it('shows a running test with its step and percent, and no verdict yet', () => {
    render(TestReportCard, {
      report: report({ status: 'RUNNING', verdict: null, verdictAgainst: null, overall: null, metrics: [] }),
      active: true,
      progress: { step: 'SCORING', percent: 40 },
    });
    expect(screen.getByText('Testing…')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Progress of the test of version 2' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('Testing version 2: scoring the replies (40%)')).toBeTruthy();
    expect(screen.queryByText(/cannot show/)).toBeNull();
  });

  it('says what the verdict is against', () => {
    render(TestReportCard, {
      report: report({
        verdict: 'UNCLEAR',
        verdictAgainst: 'PREVIOUS_VERSION',
        comparedWith: { personaVersion: 1, overall: 0.9, lift: 0.02, liftLow: -0.03, liftHigh: 0.06 },
      }),
      active: false,
    });
    expect(screen.getByText('No clear difference from version 1')).toBeTruthy();
  });

  it('explains the capped scale: replies past each end, and an uncapped mean above 1', () => {
    render(TestReportCard, {
      report: report({
        metrics: [metric({ rawNewVersion: 2.91, newVersionOutside: { belowFloor: 1, aboveCeiling: 7 } })],
      }),
      active: false,
    });
    expect(screen.getByText(/7 of 10 beyond the person’s own consistency \(counted as 1\)/)).toBeTruthy();
    expect(screen.getByText(/1 of 10 further than anyone \(counted as 0\)/)).toBeTruthy();
    expect(screen.getByText(/this version’s mean is \+2\.91: beyond the person’s own consistency/)).toBeTruthy();
    // The overall figure shown is capped; its uncapped 1.39 is explained, not shown as if on the scale.
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('scores 0.92');
    expect(screen.getByText(/mean is \+1\.39/)).toBeTruthy();
  });

  it('explains an older report’s figures outside 0–1 where they stand', () => {
    render(TestReportCard, {
      report: report({
        scoresCapped: false,
        overall: { ...overall, newVersion: 1.39, rawNewVersion: null },
        metrics: [metric({ newVersion: -5.84, rawNewVersion: null, newVersionOutside: null })],
      }),
      active: false,
    });
    expect(screen.getByText(/recorded before each reply’s score was capped/)).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('1.39 (beyond the person’s own consistency)');
    expect(screen.getByText('further from the person than anyone')).toBeTruthy();
  });

  it('keeps voice figures in their own unit, never explained as off the scale', () => {
    render(TestReportCard, {
      report: report({
        metrics: [
          metric({
            metric: 'SPEAKER_SIMILARITY',
            replies: null,
            onScale: false,
            unit: 'speaker-embedding cosine',
            newVersion: -0.12,
            rawNewVersion: null,
            newVersionOutside: null,
          }),
        ],
      }),
      active: false,
    });
    expect(screen.getByText('raw, in speaker-embedding cosine')).toBeTruthy();
    expect(screen.queryByText('further from the person than anyone')).toBeNull();
  });
});
