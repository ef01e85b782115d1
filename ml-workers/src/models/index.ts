export {
  Capability,
  capabilities,
  dtypeVariable,
  ggufCapabilities,
  ggufFileName,
  layoutFiles,
  type ModelDtype,
  modelVariable,
} from './capabilities.ts';
export {
  type CatalogueEntry,
  defaultModels,
  type SpeakerCalibration,
  speakerCalibrationFor,
  speakerCalibrations,
} from './catalogue.ts';
export { checkModels, type ModelStatus } from './check-models.ts';
export { ModelChecksumError, ModelDownloadError } from './download-file.ts';
export { knownModels } from './known-models.ts';
export { llamaThreads, loadGgufModel } from './load-gguf.ts';
export {
  loadAsr,
  loadLlm,
  loadSpeakerEmbedder,
  loadTextEmbedder,
  loadTts,
  loadVad,
} from './load-models.ts';
export { missingModelEffect, missingModelReason, missingModelsAdvice, pullCommand } from './model-advice.ts';
export { type KitChoice, type KitModel, kitModel, kitModels, type ModelKit, readModelKit } from './model-kit.ts';
export { type ModelManifest, manifestFileName, readManifest } from './model-manifest.ts';
export { ModelMissingError } from './model-missing-error.ts';
export {
  type ModelChoice,
  ModelConfigError,
  type ModelSettings,
  modelDirectory,
  modelSettings,
  resolveModelsDir,
} from './model-settings.ts';
export { huggingFaceHub, type PullOptions, type PullProgress, type PullResult, pullModels } from './pull-models.ts';
export type { SpeakerEmbedder } from './speaker-embedder.ts';
export { loadVoiceCloner, type VoiceCloner } from './voice-cloner.ts';
