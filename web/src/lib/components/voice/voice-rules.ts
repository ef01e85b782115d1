import type { MessageKey } from '$lib/i18n/messages.en.ts';

/** The length a voice sample must have (the same rule the domain and the check enforce). */
export const sampleSeconds = { min: 6, max: 60 } as const;

/** Where a new cut starts out: the whole recording, or its first 60 s when longer. */
export function defaultSegment(durationSec: number | null): { start: number; end: number } {
  if (durationSec === null || !Number.isFinite(durationSec) || durationSec <= 0) {
    return { start: 0, end: sampleSeconds.max };
  }
  return { start: 0, end: Math.floor(Math.min(durationSec, sampleSeconds.max) * 10) / 10 };
}

export interface RuleMessage {
  readonly key: MessageKey;
  readonly values: Record<string, string | number>;
}

const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

/** What is wrong with a segment, in words; null when it can be cut. */
export function segmentProblem(start: number, end: number, durationSec: number | null): RuleMessage | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return { key: 'voice.rule.notNumbers', values: {} };
  if (start < 0) return { key: 'voice.rule.startNegative', values: {} };
  if (durationSec !== null && durationSec < sampleSeconds.min) {
    return { key: 'voice.rule.recordingTooShort', values: { seconds: tenths(durationSec) } };
  }
  if (durationSec !== null && end > durationSec + 0.05) {
    return { key: 'voice.rule.endPastRecording', values: { seconds: tenths(durationSec) } };
  }
  if (end <= start) return { key: 'voice.rule.endBeforeStart', values: {} };
  return lengthProblem(end - start);
}

/** A sample's length against the 6–60 s rule; null when it fits. */
export function lengthProblem(seconds: number): RuleMessage | null {
  if (seconds < sampleSeconds.min) {
    return {
      key: 'voice.rule.tooShort',
      values: { seconds: tenths(seconds), missing: tenths(sampleSeconds.min - seconds) },
    };
  }
  if (seconds > sampleSeconds.max) {
    return {
      key: 'voice.rule.tooLong',
      values: { seconds: tenths(seconds), extra: tenths(seconds - sampleSeconds.max) },
    };
  }
  return null;
}
