export { type ExtractWorkerOptions, startExtractWorker } from './extract-worker.ts';
export { startVoiceCheckWorker, type VoiceCheckWorkerOptions } from './voice-check-worker.ts';
