import type { FidelityMetricName, TestVerdict, VerdictBasis } from '$lib/graphql/generated/graphql.ts';
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

type Text = { key: MessageKey; params?: Record<string, string | number> };

/** The verdict with what it is against: "Better than the untrained avatar", "No clear difference from version 2". */
export function verdictText(verdict: TestVerdict, against: VerdictBasis | null, previousVersion: number | null): Text {
  if (verdict === 'NOT_MEASURED' || against === null) return { key: verdictLabel[verdict] };
  const name = verdict === 'BETTER' ? 'better' : verdict === 'WORSE' ? 'worse' : 'unclear';
  if (against === 'PREVIOUS_VERSION' && previousVersion !== null) {
    return { key: `tests.verdictAgainst.${name}.previous`, params: { version: previousVersion } };
  }
  return { key: `tests.verdictAgainst.${name}.baseline` };
}

/** What a figure outside the 0–1 scale means; null inside it. */
export function beyondScale(value: number): MessageKey | null {
  if (value > 1) return 'tests.beyondCeiling';
  if (value < 0) return 'tests.belowFloor';
  return null;
}

/** How many replies went past each end of the scale before capping, as sentences. */
export function overflowTexts(outside: { belowFloor: number; aboveCeiling: number } | null, n: number): Text[] {
  if (!outside) return [];
  const texts: Text[] = [];
  if (outside.aboveCeiling > 0) texts.push({ key: 'tests.outsideAbove', params: { count: outside.aboveCeiling, n } });
  if (outside.belowFloor > 0) texts.push({ key: 'tests.outsideBelow', params: { count: outside.belowFloor, n } });
  return texts;
}

/** The uncapped mean and what it means, only when it lies outside 0–1 (then it differs from the figure shown). */
export function rawMean(raw: number | null | undefined): { raw: string; meaning: MessageKey } | null {
  if (raw === null || raw === undefined) return null;
  const meaning = beyondScale(raw);
  return meaning ? { raw: signed(raw), meaning } : null;
}
