import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkModels, missingModelReason, missingModelsAdvice, modelSettings } from '../../src/models/index.ts';
import { testModelNames, testModelsDir } from './test-models.ts';

describe('what a newcomer is told about missing models', () => {
  it('names each capability without a model, its size, what is lost, and the one command that fixes it', async () => {
    const settings = modelSettings(testModelsDir, {
      ...testModelNames,
      BISHOP_LLM_MODEL: 'Qwen/Qwen2.5-1.5B-Instruct-GGUF',
    });
    const statuses = await checkModels(settings);
    const lines = missingModelsAdvice(statuses, settings);
    assert.equal(lines[0], `Models: 2 of 8 capabilities have no model in ${settings.modelsDir}:`);
    assert.match(
      lines[1] ?? '',
      /^ {2}- llm {7}Qwen\/Qwen2\.5-1\.5B-Instruct-GGUF \(≈ 1\.1 GB .*\): replies are the person’s own past replies/,
    );
    assert.match(lines[2] ?? '', /^ {2}- tts-clone onnx-community\/chatterbox-multilingual-ONNX \(≈ 3\.2 GB/);
    assert.match(lines[3] ?? '', /^Fix: \.\/bishop models pull llm tts-clone {2}\(needs internet/);
  });

  it('asks for every model with the plain command, and says nothing when all are there', async () => {
    const empty = modelSettings('/nonexistent-models', {});
    const lines = missingModelsAdvice(await checkModels(empty), empty);
    assert.match(lines.at(-1) ?? '', /^Fix: \.\/bishop models pull {2}/);
    const present = modelSettings(testModelsDir, testModelNames);
    assert.deepEqual(missingModelsAdvice(await checkModels(present, ['asr', 'vad']), present), []);
  });

  it('gives /readyz the reason and the fix for one capability', async () => {
    const [status] = await checkModels(modelSettings('/nonexistent-models', {}), ['embedder']);
    assert.ok(status);
    assert.equal(
      missingModelReason(status),
      'Xenova/multilingual-e5-small is not installed in /nonexistent-models/Xenova/multilingual-e5-small ' +
        '(the avatar finds knowledge by words only, not by meaning); fix: ./bishop models pull embedder, ' +
        'or point BISHOP_MODELS_DIR at a prepared copy',
    );
  });
});
