export {
  Capability,
  capabilities,
  dtypeVariable,
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
export {
  loadAsr,
  loadLlm,
  loadSpeakerEmbedder,
  loadTextEmbedder,
  loadTts,
  loadVad,
} from './load-models.ts';
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
