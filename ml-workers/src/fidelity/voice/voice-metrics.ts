import { bootstrapMean, type MetricFigures, meanOf } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { type AudioTools, cosineSimilarity, readAudio, transcribeFile } from '../../audio/index.ts';
import {
  loadAsr,
  loadSpeakerEmbedder,
  loadVad,
  ModelMissingError,
  type ModelSettings,
  type SpeakerEmbedder,
} from '../../models/index.ts';
import { type TextToSpeech, type TtsEngines, type TtsLanguage, ttsLanguages } from '../../tts/index.ts';
import { withBlobAsFile } from '../../workers/blob-files.ts';
import { round4, roundPair, seedOf } from '../rounding.ts';
import { isTestModel } from '../test-models.ts';
import { notMeasured, qualityOf } from '../text-metric.ts';
import { characterErrorRate } from './character-error-rate.ts';
import { type HeardDub, speakAndHear } from './spoken-dubs.ts';

export interface VoiceTestInput {
  /** The person's real held-out replies: what is dubbed. */
  readonly texts: readonly string[];
  /** The person's language (ISO 639); Bishop's voices speak Russian and English. */
  readonly language: string;
  readonly voice: { readonly sampleBlobKey: string | null; readonly consent: boolean };
}

export interface VoiceTestDependencies {
  readonly blobs: BlobStore;
  readonly models: ModelSettings;
  readonly tts: TtsEngines;
  readonly espeakProgram: string;
  readonly audioTools?: AudioTools;
  readonly signal: AbortSignal;
  /** Called after each dub (the job's heartbeat). */
  readonly dubbed: () => void;
}

// A few dubs tell the voice apart; each costs two syntheses, an encode and a transcription.
/** Held-out replies dubbed at most (each twice: cloned and generic). */
export const MAX_DUBS = 4;
const MIN_WORDS = 3;
const MAX_CHARS = 300;
const MAX_SAMPLE_SEC = 61;

/**
 * Speaker similarity (speaker-embedding cosine of each dub to the voice
 * sample) and intelligibility (1 − CER of a Whisper transcript of each dub),
 * for dubs in the cloned voice against the same texts in the generic voice
 * (the baseline). Whatever cannot be measured says why instead of a number.
 */
export async function scoreVoice(input: VoiceTestInput, deps: VoiceTestDependencies): Promise<MetricFigures[]> {
  const speakerBase = { metric: 'speakerSimilarity' as const, replies: null, models: [], ...qualityOf(false) };
  const asrBase = { metric: 'intelligibility' as const, replies: null, models: [], ...qualityOf(false) };
  const both = (reason: string) => [notMeasured(speakerBase, reason), notMeasured(asrBase, reason)];

  const texts = input.texts
    .filter((text) => text.split(/\s+/).filter(Boolean).length >= MIN_WORDS && text.length <= MAX_CHARS)
    .slice(0, MAX_DUBS);
  if (texts.length === 0) return both('not measured (no held-out reply to dub)');
  if (!isTtsLanguage(input.language)) return both(`not measured (Bishop has no voice for ${input.language})`);
  const language = input.language;
  const choice = await deps.tts.forLanguage(language);
  if (!choice.tts) return both(`not measured (${choice.reason})`);
  const tts = choice.tts;
  const description = tts.describe();
  const ttsTest = ttsIsTestModel(tts, language, deps.models);
  const ttsModel = `${description.engine}:${description.model}`;

  const speaker = await loaded(() => loadSpeakerEmbedder(deps.models));
  const asr = await loaded(async () => {
    const [whisper, vad] = await Promise.all([loadAsr(deps.models), loadVad(deps.models)]);
    return (path: string) =>
      transcribeFile(path, {
        asr: whisper,
        vad,
        language,
        signal: deps.signal,
        ...(deps.audioTools ? { tools: deps.audioTools } : {}),
      });
  });
  const { sampleBlobKey, consent } = input.voice;
  const clones = sampleBlobKey !== null && consent && description.clones;

  const run = async (samplePath: string | null) => {
    const speak = (reference: string | null) => (text: string) =>
      speakAndHear(text, {
        tts,
        language,
        reference,
        espeakProgram: deps.espeakProgram,
        transcribe: 'value' in asr ? asr.value : null,
        signal: deps.signal,
        ...(deps.audioTools ? { audioTools: deps.audioTools } : {}),
      });
    const generic: HeardDub[] = [];
    const cloned: HeardDub[] = [];
    for (const text of texts) {
      const plain = await speak(null)(text);
      generic.push(plain);
      // Without cloning the person's dub is the generic one: the same audio, not a second synthesis.
      cloned.push(clones && samplePath ? await speak(samplePath)(text) : plain);
      deps.dubbed();
    }
    return { generic, cloned, sample: samplePath ? await readAudio(samplePath, MAX_SAMPLE_SEC) : null };
  };
  const dubs = sampleBlobKey ? await withBlobAsFile(deps.blobs, sampleBlobKey, run) : await run(null);

  const speakerFigures = async (): Promise<MetricFigures> => {
    if (sampleBlobKey === null || !dubs.sample) return notMeasured(speakerBase, 'not measured (no voice sample)');
    if (!consent) {
      return notMeasured(speakerBase, 'not measured (no voice consent recorded: dubs are never cloned without it)');
    }
    if ('missing' in speaker) return notMeasured(speakerBase, speaker.missing);
    return speakerSimilarity(
      speaker.value,
      { ...dubs, sample: dubs.sample },
      {
        models: [ttsModel, speaker.value.model],
        testModel: ttsTest || isTestModel(deps.models.choices.speaker),
        note: description.clones
          ? null
          : `the voice engine ${description.engine} does not clone: the dubs use a generic voice`,
      },
    );
  };
  const intelligibilityFigures = (): MetricFigures => {
    if ('missing' in asr) return notMeasured(asrBase, asr.missing);
    const score = (dub: HeardDub, i: number) =>
      1 - Math.min(1, characterErrorRate(texts[i] as string, dub.transcript ?? ''));
    const newVersion = dubs.cloned.map(score);
    const baseline = dubs.generic.map(score);
    return figures(asrBase.metric, newVersion, baseline, {
      models: [ttsModel, deps.models.choices.asr.name],
      testModel: ttsTest || isTestModel(deps.models.choices.asr),
      unit: '1 − character error rate of the dub’s transcript against its text',
      floor: 0,
      ceiling: 1,
      note: clones ? null : 'the dubs use the generic voice (no cloning), so the new version equals the baseline',
    });
  };
  return [await speakerFigures(), intelligibilityFigures()];
}

async function speakerSimilarity(
  embedder: SpeakerEmbedder,
  dubs: { generic: HeardDub[]; cloned: HeardDub[]; sample: Float32Array },
  meta: { models: string[]; testModel: boolean; note: string | null },
): Promise<MetricFigures> {
  const sample = dubs.sample;
  const reference = await embedder.embed(sample);
  // The ceiling: the person against themself, one half of the sample against the other.
  const half = Math.floor(sample.length / 2);
  const ceiling = cosineSimilarity(
    await embedder.embed(sample.subarray(0, half)),
    await embedder.embed(sample.subarray(half)),
  );
  const similarity = async (dub: HeardDub) => cosineSimilarity(await embedder.embed(dub.samples), reference);
  const newVersion: number[] = [];
  const baseline: number[] = [];
  for (const [i, dub] of dubs.cloned.entries()) {
    newVersion.push(await similarity(dub));
    baseline.push(await similarity(dubs.generic[i] as HeardDub));
  }
  return figures('speakerSimilarity', newVersion, baseline, {
    ...meta,
    unit: 'speaker-embedding cosine to the voice sample (floor: the generic voice; ceiling: the sample’s two halves)',
    floor: meanOf(baseline),
    ceiling,
  });
}

function figures(
  metric: 'speakerSimilarity' | 'intelligibility',
  newVersion: readonly number[],
  baseline: readonly number[],
  meta: { models: string[]; testModel: boolean; unit: string; floor: number; ceiling: number; note: string | null },
): MetricFigures {
  const lift = bootstrapMean(
    newVersion.map((value, i) => value - (baseline[i] as number)),
    { seed: seedOf(metric) },
  );
  return {
    metric,
    replies: null,
    status: 'measured',
    reason: meta.note,
    newVersion: round4(meanOf(newVersion)),
    baseline: round4(meanOf(baseline)),
    lift: round4(lift.mean),
    ci95: roundPair(lift.ci95),
    n: newVersion.length,
    ...qualityOf(meta.testModel),
    scale: { unit: meta.unit, floor: round4(meta.floor), ceiling: round4(meta.ceiling) },
    models: meta.models,
    // Voice figures stay in their own unit: nothing is placed on, or capped to, the 0–1 text scale.
    raw: null,
    outside: null,
  };
}

/** A model that is not installed is a reason, not a failure. */
async function loaded<T>(load: () => Promise<T>): Promise<{ value: T } | { missing: string }> {
  try {
    return { value: await load() };
  } catch (error) {
    if (error instanceof ModelMissingError) return { missing: `not measured (model ${error.model} missing)` };
    throw error;
  }
}

function ttsIsTestModel(tts: TextToSpeech, language: TtsLanguage, models: ModelSettings): boolean {
  const { engine } = tts.describe();
  if (engine === 'vits') return isTestModel(models.choices[language === 'ru' ? 'tts-ru' : 'tts-en']);
  if (engine === 'chatterbox') return isTestModel(models.choices['tts-clone']);
  // espeak-ng and an operator's TTS server are real voices, whatever their quality.
  return false;
}

function isTtsLanguage(language: string): language is TtsLanguage {
  return (ttsLanguages as readonly string[]).includes(language);
}
