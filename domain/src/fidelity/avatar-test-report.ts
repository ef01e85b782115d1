import { testReportRule } from '../avatar/avatar.limits.ts';
import { type JsonObject, validJsonObject } from '../kernel/json.ts';
import type { ScaleOverflow } from './normalized-score.ts';

/**
 * The avatar test's report, as RecordAvatarTest carries it (AvatarTested.report)
 * and the API shows it. Text metrics score the replies to held-out messages
 * between a floor (another person's real words: 0) and a ceiling (the
 * person's own other held-out replies: 1), each reply capped to that span
 * (see normalized-score.ts); voice metrics score dubs in their own unit.
 * Format 2 added the capping; format 1 reports are still read (`asAvatarTestReport`).
 */
export const avatarTestReportFormat = 'bishop.avatar-test/2';
const uncappedReportFormat = 'bishop.avatar-test/1';

export const fidelityMetricNames = [
  'embeddingSimilarity',
  'styleSimilarity',
  'authorship',
  'speakerSimilarity',
  'intelligibility',
] as const;
export type FidelityMetricName = (typeof fidelityMetricNames)[number];
/** The metrics whose figures lie on the 0 (anyone) … 1 (the person) scale; the voice metrics keep their unit. */
export const textFidelityMetrics: readonly FidelityMetricName[] = [
  'embeddingSimilarity',
  'styleSimilarity',
  'authorship',
];

/** Who wrote the replies a text metric scored: an LLM with the persona in its prompt, or the retrieval responder. */
export type ReplySource = 'llm' | 'retrieval';

export type MetricQuality =
  /** Every model behind the figure has real weights. */
  | 'meaningful'
  /** A model behind it is a test model (name ends in `-random`, or one the catalogue does not know): code path only. */
  | 'testModel';

export interface MetricFigures {
  readonly metric: FidelityMetricName;
  /** Text metrics: which replies were scored; voice metrics: null. */
  readonly replies: ReplySource | null;
  readonly status: 'measured' | 'notMeasured';
  /** Why it was not measured ("not measured (model X missing)"), or what to keep in mind. */
  readonly reason: string | null;
  /** Mean score of the new version (text: on the 0 = anyone … 1 = the person scale, each reply capped to it; voice: see `unit`). */
  readonly newVersion: number | null;
  /** Mean score of the untrained baseline (persona card only; for voice, a generic voice). */
  readonly baseline: number | null;
  /** newVersion − baseline (higher is better). */
  readonly lift: number | null;
  /** 95 % bootstrap confidence interval of the lift. */
  readonly ci95: readonly [number, number] | null;
  /** Items scored (held-out pairs, or dubs). */
  readonly n: number;
  readonly quality: MetricQuality;
  /** 'measured with a test model (not meaningful)' when quality is testModel. */
  readonly qualityNote: string | null;
  /** The raw scale the normalised figures come from. */
  readonly scale: { readonly unit: string; readonly floor: number; readonly ceiling: number } | null;
  /** Models behind the figure. */
  readonly models: readonly string[];
  /** Text metrics: the same means before each reply was capped to 0–1 (they may lie outside it); else null. */
  readonly raw: { readonly newVersion: number; readonly baseline: number } | null;
  /** Text metrics: how many scored replies fell below the floor or above the ceiling before capping; else null. */
  readonly outside: { readonly newVersion: ScaleOverflow; readonly baseline: ScaleOverflow } | null;
}

/** All measured, meaningful text metrics of the headline replies, averaged per held-out pair. */
export interface OverallFidelity {
  readonly replies: ReplySource;
  readonly metrics: readonly FidelityMetricName[];
  readonly newVersion: number;
  readonly baseline: number;
  readonly lift: number;
  readonly ci95: readonly [number, number];
  readonly n: number;
  /** The same means before capping each reply to 0–1; null in format 1 reports. */
  readonly raw: { readonly newVersion: number; readonly baseline: number } | null;
}

/** The version that was active before this run, scored again on the same held-out pairs. */
export interface ComparedWith {
  readonly personaVersion: number;
  readonly runId: string;
  /** Its overall score on these pairs, and this version's lift over it. */
  readonly overall: number | null;
  readonly lift: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Its own report's overall score, as recorded then (on the held-out pairs of its run). */
  readonly reportedOverall: number | null;
}

/** What the verdict compares this version with. */
export type VerdictBasis = 'previousVersion' | 'baseline';

export type TestVerdict =
  /** Better than the version that was active (or, for a first version, than the untrained baseline), beyond doubt. */
  | 'better'
  | 'worse'
  /** The confidence interval of the difference contains zero. */
  | 'unclear'
  | 'notMeasured';

export interface HeldOutExample {
  readonly message: string;
  readonly real: string;
  readonly newVersion: string | null;
  readonly baseline: string | null;
}

export interface AvatarTestReport {
  readonly format: typeof avatarTestReportFormat;
  readonly runId: string;
  readonly personaVersion: number;
  /** The person's language (ISO 639), detected from their words; generic text exists for ru and en only. */
  readonly language: string;
  readonly heldOutPairs: number;
  /** Held-out pairs scored (a deterministic sample of at most a fixed number). */
  readonly pairsTested: number;
  /** Where the floor's "another person" came from; none: too few other people and no generic text in the language. */
  readonly floor: 'otherParticipants' | 'genericCorpus' | 'none';
  /** Which replies decide the verdict: an LLM's with real weights when there is one, else retrieval's. */
  readonly headline: ReplySource;
  readonly metrics: readonly MetricFigures[];
  readonly overall: OverallFidelity | null;
  readonly comparedWith: ComparedWith | null;
  /** True when this version scores worse than the version that was active (its CI lies below zero). */
  readonly worse: boolean;
  readonly verdict: TestVerdict;
  /** The version that was active when its comparison has an interval, else the untrained baseline; null when not measured. */
  readonly verdictAgainst: VerdictBasis | null;
  /** True when each reply's score was capped to 0–1 before averaging (format 2); format 1 figures may lie outside. */
  readonly scoresCapped: boolean;
  readonly examples: readonly HeldOutExample[];
  readonly notes: readonly string[];
  readonly durationMs: number;
  /** Where the time went: replies per reply maker, scoring, dubs. */
  readonly timingsMs: Readonly<Record<string, number>>;
}

export const testModelNote = 'measured with a test model (not meaningful)';

/**
 * The report if `value` is one this version reads, else null (foreign shapes
 * show as raw JSON only). A format 1 report reads as recorded — uncapped
 * figures, no raw means or overflow counts — with `scoresCapped: false`.
 */
export function asAvatarTestReport(value: unknown): AvatarTestReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const report = value as Partial<AvatarTestReport>;
  if (!Array.isArray(report.metrics)) return null;
  if (report.format === avatarTestReportFormat) return report as AvatarTestReport;
  if (report.format !== uncappedReportFormat) return null;
  const old = report as Omit<AvatarTestReport, 'format'>;
  return {
    ...old,
    format: avatarTestReportFormat,
    metrics: old.metrics.map((metric) => ({ ...metric, raw: null, outside: null })),
    overall: old.overall ? { ...old.overall, raw: null } : null,
    verdictAgainst: old.comparedWith?.ci95 ? 'previousVersion' : old.overall ? 'baseline' : null,
    scoresCapped: false,
  };
}

/** The verdict from a difference's CI: beyond zero either way, or unclear. */
export function verdictOf(ci95: readonly [number, number] | null): TestVerdict {
  if (ci95 === null) return 'notMeasured';
  if (ci95[0] > 0) return 'better';
  if (ci95[1] < 0) return 'worse';
  return 'unclear';
}

/**
 * The report's verdict and what it is against: the version that was active
 * when it could be scored again on these pairs, else the untrained baseline.
 * It rests on exactly the interval the report shows beside it.
 */
export function reportVerdict(
  overall: Pick<OverallFidelity, 'ci95'> | null,
  comparedWith: Pick<ComparedWith, 'ci95'> | null,
): { verdict: TestVerdict; verdictAgainst: VerdictBasis | null; worse: boolean } {
  if (overall === null) return { verdict: 'notMeasured', verdictAgainst: null, worse: false };
  if (comparedWith?.ci95) {
    const verdict = verdictOf(comparedWith.ci95);
    return { verdict, verdictAgainst: 'previousVersion', worse: verdict === 'worse' };
  }
  return { verdict: verdictOf(overall.ci95), verdictAgainst: 'baseline', worse: false };
}

/** The report as the JSON RecordAvatarTest carries: checked by the rule the decider applies, not cast. */
export function avatarTestReportJson(report: AvatarTestReport): JsonObject {
  return validJsonObject(report, testReportRule);
}
