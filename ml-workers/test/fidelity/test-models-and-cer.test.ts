import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { characterErrorRate, isTestModel } from '../../src/fidelity/index.ts';
import { testLlm } from '../../src/fidelity/test-llm.ts';
import { modelSettings } from '../../src/models/index.ts';
import { type ReplySettings, replyEngines } from '../../src/replies/index.ts';
import { testModelNames, testModelSettings, testModelsDir } from '../models/test-models.ts';

describe('which figures come from a test model', () => {
  it('marks random-weight and uncatalogued models, not the catalogue’s', () => {
    const test = testModelSettings();
    assert.equal(isTestModel(test.choices.llm), true, 'llm-tiny-random');
    assert.equal(isTestModel(test.choices.speaker), true, 'speaker-procedural is not in the catalogue');
    const production = modelSettings(testModelsDir, {});
    assert.equal(isTestModel(production.choices.embedder), false, 'Xenova/multilingual-e5-small');
    assert.equal(isTestModel(production.choices.asr), false);
  });
});

describe('the LLM the test replies with', () => {
  const settings: ReplySettings = {
    mode: 'auto',
    remote: undefined,
    maxContextTokens: 1024,
    maxNewTokens: 8,
    temperature: 0,
    timeoutMs: 30_000,
  };

  it('is the installed local model, marked as a test model when it is one', async () => {
    const models = testModelSettings();
    const llm = await testLlm(settings, models, replyEngines(settings, models).current);
    assert.ok(llm.responder, 'llm-tiny-random is installed');
    assert.equal(llm.responder?.mode, 'llm');
    assert.deepEqual('model' in llm && [llm.model, llm.testModel], ['llm-tiny-random', true]);
  });

  it('is "not measured (model X missing)" when the model is not installed', async () => {
    const models = modelSettings(testModelsDir, { ...testModelNames, BISHOP_LLM_MODEL: 'llm-not-installed' });
    const llm = await testLlm(settings, models, replyEngines(settings, models).current);
    assert.deepEqual(llm, { responder: null, reason: 'not measured (model llm-not-installed missing)' });
  });

  it('says so when replies use retrieval by choice', async () => {
    const models = testModelSettings();
    const retrieval = { ...settings, mode: 'retrieval' as const };
    const llm = await testLlm(retrieval, models, replyEngines(retrieval, models).current);
    assert.equal(llm.responder, null);
    assert.match('reason' in llm ? llm.reason : '', /BISHOP_REPLY_MODE=retrieval/);
  });
});

describe('character error rate', () => {
  it('compares what a listener hears: case, punctuation, ё and stress marks do not count', () => {
    assert.equal(characterErrorRate('Ёлка, зелёная!', 'елка зеленая'), 0);
    assert.equal(characterErrorRate('за́мок', 'замок'), 0);
  });

  it('is edit distance over the text’s length', () => {
    assert.equal(characterErrorRate('abcd', 'abxd'), 0.25);
    assert.equal(characterErrorRate('abcd', ''), 1);
    assert.equal(characterErrorRate('', ''), 0);
  });
});
