import {
  type AvatarTestReport,
  avatarTestReportFormat,
  type FidelityMetricName,
  fidelityMetricNames,
} from '@bishop/domain';
import { notMeasured } from './text-metric.ts';

const voiceMetrics: readonly FidelityMetricName[] = ['speakerSimilarity', 'intelligibility'];

/** What a test that kept failing records: every metric "not measured", with the reason. */
export function failedAvatarTestReport(runId: string, personaVersion: number, reason: string): AvatarTestReport {
  return {
    format: avatarTestReportFormat,
    runId,
    personaVersion,
    language: 'ru',
    heldOutPairs: 0,
    pairsTested: 0,
    floor: 'genericCorpus',
    headline: 'retrieval',
    metrics: fidelityMetricNames.map((metric) =>
      notMeasured(
        {
          metric,
          replies: voiceMetrics.includes(metric) ? null : 'retrieval',
          models: [],
          quality: 'meaningful',
          qualityNote: null,
        },
        `not measured (the test failed: ${reason})`,
      ),
    ),
    overall: null,
    comparedWith: null,
    worse: false,
    verdict: 'notMeasured',
    verdictAgainst: null,
    scoresCapped: true,
    examples: [],
    notes: [`The avatar test failed: ${reason}`],
    durationMs: 0,
    timingsMs: {},
  };
}
