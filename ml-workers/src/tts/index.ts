export { chatterboxText } from './chatterbox-text.ts';
export { CHATTERBOX_SAMPLE_RATE, createChatterboxTts } from './chatterbox-tts.ts';
export { createEspeakTts, type EspeakOptions, isEspeakInstalled } from './espeak-tts.ts';
export { checkHttpTts, createHttpTts, type HttpTtsConfig } from './http-tts.ts';
export { markStress, placeRussianStress, STRESS_MARK } from './russian-stress.ts';
export { createTtsEngines, type TtsChoice, type TtsEngines, type TtsSettings } from './tts-engines.ts';
export {
  type SynthesisOptions,
  type SynthesizedSpeech,
  type TextToSpeech,
  type TtsDescription,
  type TtsEngine,
  type TtsLanguage,
  TtsUnavailableError,
  ttsLanguages,
} from './tts-port.ts';
export { chooseTtsEngine, defaultTtsEngines, noTtsReason, type TtsAvailability } from './tts-selection.ts';
export { createVitsTts } from './vits-tts.ts';
