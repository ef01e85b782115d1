import { loadTts, type ModelSettings } from '../models/index.ts';
import type { SynthesisOptions, SynthesizedSpeech, TextToSpeech, TtsDescription } from './tts-port.ts';

/**
 * VITS/MMS through transformers.js' text-to-speech pipeline (`tts-ru`,
 * `tts-en`): one fixed voice per language, no cloning. MMS reads plain
 * letters, so Russian gets no stress marks.
 */
export function createVitsTts(models: ModelSettings): TextToSpeech {
  const modelOf = (language: SynthesisOptions['language']) =>
    models.choices[language === 'ru' ? 'tts-ru' : 'tts-en'].name;
  const description: TtsDescription = {
    engine: 'vits',
    model: [...new Set([modelOf('ru'), modelOf('en')])].join(', '),
    clones: false,
    needsStress: false,
    watermark: null,
  };
  return {
    describe: () => description,
    async synthesize(text, options): Promise<SynthesizedSpeech> {
      const pipeline = await loadTts(models, options.language);
      options.signal?.throwIfAborted();
      const output = await pipeline(text);
      const result = Array.isArray(output) ? output[0] : output;
      if (!result) throw new Error(`${modelOf(options.language)} produced no audio`);
      return {
        samples: result.audio,
        sampleRate: result.sampling_rate,
        voice: 'generic',
        model: modelOf(options.language),
      };
    },
  };
}
