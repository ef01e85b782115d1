export { failedAvatarTestReport } from './failed-report.ts';
export { type CorpusLanguage, type GenericCorpus, genericCorpus } from './generic-corpus.ts';
export { type AvatarTestDependencies, runAvatarTest } from './run-avatar-test.ts';
export { isTestModel } from './test-models.ts';
export { startTestWorker, type TestWorkerOptions } from './test-worker.ts';
export { characterErrorRate } from './voice/character-error-rate.ts';
export { type HeardDub, speakAndHear } from './voice/spoken-dubs.ts';
