import { fileURLToPath } from 'node:url';
import { type ModelSettings, modelSettings } from '../../src/models/index.ts';

/** The offline test models the repository holds in tests/models (random-weight Whisper, real Silero, procedural speaker embedder). */
export const testModelsDir =
  process.env.BISHOP_TEST_MODELS_DIR ?? fileURLToPath(new URL('../../../tests/models/', import.meta.url));

export const testModelNames = {
  BISHOP_ASR_MODEL: 'asr-tiny-random',
  BISHOP_VAD_MODEL: 'vad-silero',
  BISHOP_SPEAKER_MODEL: 'speaker-procedural',
  BISHOP_EMBEDDER_MODEL: 'embed-tiny-random',
  BISHOP_LLM_MODEL: 'llm-tiny-random',
  BISHOP_TTS_RU_MODEL: 'tts-tiny-random',
  BISHOP_TTS_EN_MODEL: 'tts-tiny-random',
} as const;

export function testModelSettings(): ModelSettings {
  return modelSettings(testModelsDir, testModelNames);
}
