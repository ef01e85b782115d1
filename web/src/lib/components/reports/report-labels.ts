import type { FidelityMetricName, TestVerdict } from '$lib/graphql/generated/graphql.ts';
import type { MessageKey } from '$lib/i18n/messages.en.ts';

export const verdictLabel: Record<TestVerdict, MessageKey> = {
  BETTER: 'tests.verdict.better',
  WORSE: 'tests.verdict.worse',
  UNCLEAR: 'tests.verdict.unclear',
  NOT_MEASURED: 'tests.verdict.notMeasured',
};

export const verdictTone: Record<TestVerdict, 'success' | 'danger' | 'neutral' | 'warning'> = {
  BETTER: 'success',
  WORSE: 'danger',
  UNCLEAR: 'warning',
  NOT_MEASURED: 'neutral',
};

export const metricLabel: Record<FidelityMetricName, MessageKey> = {
  EMBEDDING_SIMILARITY: 'tests.metric.embedding',
  STYLE_SIMILARITY: 'tests.metric.style',
  AUTHORSHIP: 'tests.metric.authorship',
  SPEAKER_SIMILARITY: 'tests.metric.speaker',
  INTELLIGIBILITY: 'tests.metric.intelligibility',
};

/** A lift with its interval: "+0.23 (0.10 to 0.35)". */
export function signed(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
