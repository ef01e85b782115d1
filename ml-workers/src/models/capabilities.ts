/**
 * What Bishop needs a model for. Each capability has one configured model at a
 * time (env overridable) and a file layout that says which files a model
 * directory must hold for transformers.js / onnxruntime to load it offline.
 */
export const Capability = {
  Asr: 'asr',
  Vad: 'vad',
  Speaker: 'speaker',
  Embedder: 'embedder',
  Llm: 'llm',
  TtsRussian: 'tts-ru',
  TtsEnglish: 'tts-en',
  /** Zero-shot voice cloning TTS (Chatterbox Multilingual): speaks in the voice of a sample. */
  TtsClone: 'tts-clone',
} as const;
export type Capability = (typeof Capability)[keyof typeof Capability];

export const capabilities: readonly Capability[] = Object.values(Capability);

/** transformers.js dtypes we accept, with the suffix it appends to ONNX file names. */
export const dtypeSuffixes = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
  /** Not an ONNX dtype: the model is one GGUF file run by llama.cpp, its quantisation inside (`llm` only). */
  gguf: '',
} as const;
export type ModelDtype = keyof typeof dtypeSuffixes;

export function isModelDtype(value: string): value is ModelDtype {
  return Object.hasOwn(dtypeSuffixes, value);
}

/** The capabilities a GGUF model can serve (llama.cpp runs language models). */
export const ggufCapabilities: readonly Capability[] = ['llm'];

/** The file a GGUF model directory holds unless its catalogue entry names another. */
export const ggufFileName = 'model.gguf';

/** `BISHOP_ASR_MODEL`, `BISHOP_TTS_RU_MODEL`, … */
export function modelVariable(capability: Capability): string {
  return `BISHOP_${capability.toUpperCase().replaceAll('-', '_')}_MODEL`;
}

/** `BISHOP_ASR_DTYPE`, … */
export function dtypeVariable(capability: Capability): string {
  return `BISHOP_${capability.toUpperCase().replaceAll('-', '_')}_DTYPE`;
}

/** The files transformers.js opens for a model of this capability (paths inside the model directory). */
export function layoutFiles(capability: Capability, dtype: ModelDtype): string[] {
  if (dtype === 'gguf') return [ggufFileName];
  const onnx = (name: string) => `onnx/${name}${dtypeSuffixes[dtype]}.onnx`;
  const tokenizer = ['tokenizer.json', 'tokenizer_config.json'];
  switch (capability) {
    case 'asr':
      return [
        'config.json',
        'generation_config.json',
        'preprocessor_config.json',
        ...tokenizer,
        onnx('encoder_model'),
        onnx('decoder_model_merged'),
      ];
    // Silero is run by onnxruntime directly; this is the file name its own repository uses.
    case 'vad':
      return ['silero_vad.onnx'];
    case 'speaker':
      return ['config.json', 'preprocessor_config.json', onnx('model')];
    case 'embedder':
      return ['config.json', ...tokenizer, onnx('model')];
    case 'llm':
      return ['config.json', 'generation_config.json', ...tokenizer, onnx('model')];
    case 'tts-ru':
    case 'tts-en':
      return ['config.json', ...tokenizer, onnx('model')];
    // Chatterbox's four graphs; the fp32 export keeps its weights beside each graph in `.onnx_data`.
    case 'tts-clone': {
      const graphs = ['speech_encoder', 'embed_tokens', 'language_model', 'conditional_decoder'].map(onnx);
      return [
        'config.json',
        'generation_config.json',
        ...tokenizer,
        'default_voice.wav',
        ...graphs,
        ...(dtype === 'fp32' ? graphs.map((graph) => `${graph}_data`) : []),
      ];
    }
  }
}
