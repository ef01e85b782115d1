export {
  type AvatarTestReport,
  asAvatarTestReport,
  avatarTestReportFormat,
  type ComparedWith,
  type FidelityMetricName,
  fidelityMetricNames,
  type HeldOutExample,
  type MetricFigures,
  type MetricQuality,
  type OverallFidelity,
  type ReplySource,
  type TestVerdict,
  testModelNote,
  verdictOf,
} from './avatar-test-report.ts';
export { type BootstrapOptions, bootstrapMean, bootstrapMeanDifference, type Estimate, meanOf } from './bootstrap.ts';
export { isUsableScale, normalizedScore, type ScoreScale } from './normalized-score.ts';
export { seededRandom } from './seeded-random.ts';
