import type { AudioTools } from '../audio/index.ts';
import { checkModels, type ModelSettings } from '../models/index.ts';
import { createChatterboxTts } from './chatterbox-tts.ts';
import { createEspeakTts, isEspeakInstalled } from './espeak-tts.ts';
import { createHttpTts, type HttpTtsConfig } from './http-tts.ts';
import type { TextToSpeech, TtsEngine, TtsLanguage } from './tts-port.ts';
import { chooseTtsEngine, noTtsReason, type TtsAvailability } from './tts-selection.ts';
import { createVitsTts } from './vits-tts.ts';

export interface TtsSettings {
  readonly models: ModelSettings;
  /** Allowed engines in preference order (BISHOP_TTS_ENGINES). */
  readonly engines: readonly TtsEngine[];
  /** Set when BISHOP_TTS_HTTP_URL is. */
  readonly http?: HttpTtsConfig | undefined;
  /** BISHOP_ESPEAK. */
  readonly espeakProgram: string;
  readonly audioTools?: AudioTools;
}

export type TtsChoice = { readonly tts: TextToSpeech } | { readonly tts: null; readonly reason: string };

/**
 * Picks the TTS for a language from what is installed now (checked per job,
 * so a model pulled while Bishop runs is used without a restart). Engines
 * are built once and reused.
 */
export function createTtsEngines(settings: TtsSettings) {
  const tools = settings.audioTools ? { audioTools: settings.audioTools } : {};
  const built = new Map<TtsEngine, TextToSpeech>();
  const build = (engine: TtsEngine): TextToSpeech => {
    const existing = built.get(engine);
    if (existing) return existing;
    const tts =
      engine === 'chatterbox'
        ? createChatterboxTts(settings.models, tools)
        : engine === 'http'
          ? createHttpTts(settings.http as HttpTtsConfig, tools)
          : engine === 'vits'
            ? createVitsTts(settings.models)
            : createEspeakTts({ program: settings.espeakProgram, ...tools });
    built.set(engine, tts);
    return tts;
  };

  // Whether espeak-ng runs is asked once a minute, not on every job and readiness probe.
  let espeak: { installed: Promise<boolean>; at: number } | undefined;
  const espeakInstalled = () => {
    if (!espeak || Date.now() - espeak.at > 60_000) {
      espeak = { installed: isEspeakInstalled(settings.espeakProgram), at: Date.now() };
    }
    return espeak.installed;
  };

  async function availability(language: TtsLanguage): Promise<TtsAvailability> {
    const [clone, vits] = await checkModels(settings.models, ['tts-clone', language === 'ru' ? 'tts-ru' : 'tts-en']);
    return {
      chatterbox: clone?.ready ?? false,
      http: settings.http !== undefined,
      vits: vits?.ready ?? false,
      espeak: settings.engines.includes('espeak') && (await espeakInstalled()),
    };
  }

  return {
    async forLanguage(language: TtsLanguage): Promise<TtsChoice> {
      const engine = chooseTtsEngine(settings.engines, await availability(language));
      return engine ? { tts: build(engine) } : { tts: null, reason: noTtsReason(settings.engines, language) };
    },
  };
}

export type TtsEngines = ReturnType<typeof createTtsEngines>;
