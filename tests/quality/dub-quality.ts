import { characterErrorRate, speakAndHear } from '@bishop/ml-workers';
import { transcribeFile } from '@bishop/ml-workers/audio';
import { loadAsr, loadVad, type ModelSettings } from '@bishop/ml-workers/models';
import { createTtsEngines } from '@bishop/ml-workers/tts';

export interface DubFigures {
  readonly language: 'ru' | 'en';
  readonly voice: string;
  readonly items: number;
  readonly cer: number;
  readonly msPerDub: number;
  readonly worst: { readonly text: string; readonly heard: string };
}

/** Replies an avatar might dub, in each language. */
export const dubTexts = {
  ru: [
    'Сегодня хорошая погода, и мы пойдём гулять в парк.',
    'Поезд отправляется с третьего пути через десять минут.',
    'Я позвоню тебе вечером, когда вернусь с работы.',
    'В нашем городе открыли новую библиотеку.',
  ],
  en: [
    'The weather is lovely today, so we will walk in the park.',
    'The train leaves from platform three in ten minutes.',
    'I will call you tonight when I get back from work.',
    'A new library has opened in our town.',
  ],
} as const;

/**
 * Intelligibility of dubs as a user receives them: each text goes through the
 * dub path (stress, the voice Bishop picks for the language, Ogg/Opus) and is
 * heard back by the kit's real Whisper; CER against the text.
 */
export async function measureDubs(settings: ModelSettings, espeakProgram: string): Promise<DubFigures[]> {
  const [asr, vad] = await Promise.all([loadAsr(settings), loadVad(settings)]);
  const engines = createTtsEngines({ models: settings, engines: ['vits', 'espeak'], espeakProgram });
  const results: DubFigures[] = [];
  for (const language of ['ru', 'en'] as const) {
    const choice = await engines.forLanguage(language);
    if (!choice.tts) continue;
    const tts = choice.tts;
    const rows: { text: string; heard: string; cer: number }[] = [];
    const started = performance.now();
    for (const text of dubTexts[language]) {
      const dub = await speakAndHear(text, {
        tts,
        language,
        reference: null,
        espeakProgram,
        transcribe: (path) => transcribeFile(path, { asr, vad, language }),
        signal: new AbortController().signal,
      });
      const heard = dub.transcript ?? '';
      rows.push({ text, heard, cer: characterErrorRate(text, heard) });
    }
    const { engine, model } = tts.describe();
    const worst = [...rows].sort((a, b) => b.cer - a.cer)[0] as (typeof rows)[number];
    results.push({
      language,
      voice: `${engine}:${model}`,
      items: rows.length,
      cer: rows.reduce((sum, r) => sum + r.cer, 0) / rows.length,
      msPerDub: (performance.now() - started) / rows.length,
      worst: { text: worst.text, heard: worst.heard },
    });
  }
  return results;
}
