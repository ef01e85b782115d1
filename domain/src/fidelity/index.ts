export {
  type AvatarTestReport,
  asAvatarTestReport,
  avatarTestReportFormat,
  avatarTestReportJson,
  type ComparedWith,
  type FidelityMetricName,
  fidelityMetricNames,
  type HeldOutExample,
  type MetricFigures,
  type MetricQuality,
  type OverallFidelity,
  type ReplySource,
  reportVerdict,
  type TestVerdict,
  testModelNote,
  textFidelityMetrics,
  type VerdictBasis,
  verdictOf,
} from './avatar-test-report.ts';
export { type BootstrapOptions, bootstrapMean, bootstrapMeanDifference, type Estimate, meanOf } from './bootstrap.ts';
export {
  cappedScore,
  checkScale,
  isUsableScale,
  normalizedScore,
  overflowOf,
  type ScaleCheck,
  type ScaleOverflow,
  type ScoreScale,
} from './normalized-score.ts';
export { seededRandom } from './seeded-random.ts';
