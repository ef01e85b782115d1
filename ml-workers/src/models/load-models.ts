import { join } from 'node:path';
import {
  AutoModelForXVector,
  type AutomaticSpeechRecognitionPipeline,
  AutoProcessor,
  type FeatureExtractionPipeline,
  pipeline,
  type TextGenerationPipeline,
  type TextToAudioPipeline,
} from '@huggingface/transformers';
import { InferenceSession } from 'onnxruntime-node';
import type { Capability, ModelDtype } from './capabilities.ts';
import { speakerCalibrationFor } from './catalogue.ts';
import { assertModelInstalled } from './check-models.ts';
import { type ModelChoice, ModelConfigError, type ModelSettings } from './model-settings.ts';
import { loadOffline, loadOnce } from './offline-loading.ts';
import { loadResemblyzerEmbedder, readResemblyzerConfig } from './resemblyzer-embedder.ts';
import { createSpeakerEmbedder, type SpeakerEmbedder } from './speaker-embedder.ts';

type OnnxChoice = ModelChoice & { readonly dtype: Exclude<ModelDtype, 'gguf'> };

/** transformers.js loads ONNX only; a GGUF model belongs to llama.cpp. */
export function onnxChoice(choice: ModelChoice): OnnxChoice {
  if (choice.dtype === 'gguf') {
    throw new ModelConfigError(`${choice.name} is a GGUF model: llama.cpp runs it, transformers.js cannot`);
  }
  return choice as OnnxChoice;
}

/**
 * The only way Bishop loads a model. Each loader checks the files first (a
 * ModelMissingError names the exact path), loads offline, and caches by
 * what is loaded (task, directory, dtype) for the life of the process.
 */
function loadModel<T>(
  settings: ModelSettings,
  capability: Capability,
  task: string,
  load: (choice: OnnxChoice, directory: string) => Promise<T>,
): Promise<T> {
  const choice = settings.choices[capability];
  const key = `${task}|${settings.modelsDir}|${choice.name}|${choice.dtype}`;
  return loadOnce(key, async () => {
    const onnx = onnxChoice(choice);
    const directory = await assertModelInstalled(settings, choice);
    return loadOffline(settings.modelsDir, () => load(onnx, directory));
  });
}

export function loadAsr(settings: ModelSettings): Promise<AutomaticSpeechRecognitionPipeline> {
  return loadModel(settings, 'asr', 'automatic-speech-recognition', ({ name, dtype }) =>
    // Without onnxruntime's CPU arena, which keeps its largest allocation for the life of the process: the extract
    // worker stays ≈ 30 MB smaller through a long recording, at the same speed (quality-asr.md: ours vs bare).
    pipeline('automatic-speech-recognition', name, {
      dtype,
      device: 'cpu',
      session_options: { enableCpuMemArena: false },
    }),
  );
}

/** Silero VAD runs on onnxruntime directly (transformers.js has no VAD pipeline). */
export function loadVad(settings: ModelSettings): Promise<InferenceSession> {
  return loadModel(settings, 'vad', 'silero-vad', ({ files }, directory) =>
    // One thread: a 576-sample window is too small to gain from more, and workers run several streams.
    InferenceSession.create(join(directory, files[0] ?? ''), { intraOpNumThreads: 1, interOpNumThreads: 1 }),
  );
}

export function loadSpeakerEmbedder(settings: ModelSettings): Promise<SpeakerEmbedder> {
  return loadModel(settings, 'speaker', 'x-vector', async ({ name, dtype }, directory) => {
    // Resemblyzer's d-vector (the real-model kit's) is two ONNX graphs run directly, not a transformers.js x-vector.
    const resemblyzer = await readResemblyzerConfig(directory);
    if (resemblyzer) return loadResemblyzerEmbedder(name, directory, resemblyzer, speakerCalibrationFor(name));
    const processor = await AutoProcessor.from_pretrained(name);
    const model = await AutoModelForXVector.from_pretrained(name, { dtype, device: 'cpu' });
    return createSpeakerEmbedder(name, processor, model, speakerCalibrationFor(name));
  });
}

export function loadTextEmbedder(settings: ModelSettings): Promise<FeatureExtractionPipeline> {
  return loadModel(settings, 'embedder', 'feature-extraction', ({ name, dtype }) =>
    pipeline('feature-extraction', name, { dtype, device: 'cpu' }),
  );
}

export function loadLlm(settings: ModelSettings): Promise<TextGenerationPipeline> {
  return loadModel(settings, 'llm', 'text-generation', ({ name, dtype }) =>
    pipeline('text-generation', name, { dtype, device: 'cpu' }),
  );
}

/** The non-cloning fallback voice for a language. */
export function loadTts(settings: ModelSettings, language: 'ru' | 'en'): Promise<TextToAudioPipeline> {
  return loadModel(settings, language === 'ru' ? 'tts-ru' : 'tts-en', 'text-to-speech', ({ name, dtype }) =>
    pipeline('text-to-speech', name, { dtype, device: 'cpu' }),
  );
}
