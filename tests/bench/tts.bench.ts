import { encodeDub, speakReply } from '@bishop/ml-workers';
import { checkModels, loadTts, type ModelSettings, modelSettings } from '@bishop/ml-workers/models';
import { createVitsTts } from '@bishop/ml-workers/tts';
import { testModelsDir } from '../src/test-env.ts';
import { alternate, type Benchmark, median, timed } from './harness.ts';

/** The dub path must speak faster than real time (audio seconds per wall second). */
const TARGET_AUDIO_PER_SECOND = 1;

const SIZES = {
  full: { paragraphs: 3, warmups: 1, rounds: 5 },
  quick: { paragraphs: 1, warmups: 1, rounds: 3 },
};

const PARAGRAPH =
  'Сегодня мы поговорим о звёздах и планетах. Звёзды рождаются в облаках газа и пыли. ' +
  'Некоторые из них живут миллиарды лет, другие сгорают быстро. Солнце — обычная звезда среднего размера. ' +
  'Вокруг него вращаются восемь планет, и Земля — третья из них. ';

/** A real MMS voice from BISHOP_MODELS_DIR when there is one, else the VITS-signature test model. */
async function chooseModels(): Promise<{ settings: ModelSettings; label: string }> {
  if (process.env.BISHOP_MODELS_DIR) {
    const settings = modelSettings(process.env.BISHOP_MODELS_DIR);
    const [status] = await checkModels(settings, ['tts-ru']);
    if (status?.ready) return { settings, label: settings.choices['tts-ru'].name };
  }
  const settings = modelSettings(testModelsDir, { BISHOP_TTS_RU_MODEL: 'tts-tiny-random' });
  return { settings, label: 'tts-tiny-random (test model: figures show overheads, not real VITS speed)' };
}

export const ttsBenchmark: Benchmark = {
  name: 'text to speech: Bishop dub path vs bare transformers.js pipeline',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const { settings, label } = await chooseModels();
    const pipeline = await loadTts(settings, 'ru');
    const tts = createVitsTts(settings);
    const text = PARAGRAPH.repeat(sizes.paragraphs).trim();
    const firstAudioMs: number[] = [];
    const samples = await alternate({
      warmups: sizes.warmups,
      rounds: sizes.rounds,
      anchor: () =>
        timed(async () => {
          const output = await pipeline(text);
          const audio = Array.isArray(output) ? output[0] : output;
          return (audio?.audio.length ?? 0) / (audio?.sampling_rate ?? 1);
        }),
      ours: () =>
        timed(async () => {
          const started = performance.now();
          const spoken = await speakReply(tts, text, {
            language: 'ru',
            reference: null,
            espeakProgram: 'espeak-ng',
            onSentence: ({ index }) => {
              if (index === 0) firstAudioMs.push(performance.now() - started);
            },
          });
          const encoded = await encodeDub(spoken.samples, spoken.sampleRate, {
            voice: spoken.voice,
            model: spoken.model,
            watermark: null,
            language: 'ru',
          });
          return encoded.durationSec;
        }),
    });
    const [anchor, ours] = [median(samples.anchor), median(samples.ours)];
    const firstMs = median(firstAudioMs);
    context.log(
      `${text.length} characters, model ${label}: bare ${anchor.toFixed(1)}, ours ${ours.toFixed(1)} audio s/s`,
    );
    return [
      {
        target: {
          text: `${ours.toFixed(1)} audio s/s (real-time factor ${(1 / ours).toFixed(3)}), goal ≥ ${TARGET_AUDIO_PER_SECOND} (faster than real time)`,
          met: ours >= TARGET_AUDIO_PER_SECOND,
        },
        benchmark: `text to speech, ${text.length}-character Russian reply (sentences → VITS → Ogg/Opus)`,
        unit: 'audio s/s',
        anchor,
        ours,
        anchorSamples: samples.anchor,
        oursSamples: samples.ours,
        note:
          `model ${label}; seconds of speech produced per second of wall time (1 / real-time factor). Anchor: one ` +
          'transformers.js text-to-speech pipeline call on the whole text, samples in memory. Ours: the dub path — ' +
          'split into sentences (ICU), one pipeline call per sentence in order (so the first sentence is ready ' +
          `early: first sentence ready after ${firstMs.toFixed(0)} ms, median), 0.25 s pauses, then ffmpeg to ` +
          'Ogg/Opus with the synthetic-speech tags. With the test model synthesis costs almost nothing, so the ' +
          'ratio mostly measures ffmpeg encoding; with a real VITS model synthesis dominates',
      },
    ];
  },
};
