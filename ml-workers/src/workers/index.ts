export { type ExtractedMaterial, type ExtractionTools, extractMaterial } from './extract-material.ts';
export { type ExtractWorkerOptions, startExtractWorker } from './extract-worker.ts';
export { type StoredExtraction, storeExtraction } from './store-extraction.ts';
export { startVoiceCheckWorker, type VoiceCheckWorkerOptions } from './voice-check-worker.ts';
