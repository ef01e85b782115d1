import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  capabilities,
  checkModels,
  loadAsr,
  loadLlm,
  loadSpeakerEmbedder,
  loadTextEmbedder,
  loadTts,
  loadVad,
  ModelMissingError,
  modelSettings,
} from '../../src/models/index.ts';
import { testModelSettings, testModelsDir } from './test-models.ts';

describe('model check and loading', () => {
  let emptyDir: string;
  before(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'bishop-models-'));
  });
  after(() => rm(emptyDir, { recursive: true, force: true }));

  it('reports every capability ready when its files are there', async () => {
    // No voice-cloning test model exists (tests/models); its tests skip visibly (test/tts/chatterbox.test.ts).
    const withTestModels = capabilities.filter((c) => c !== 'tts-clone');
    const statuses = await checkModels(testModelSettings(), withTestModels);
    assert.deepEqual(
      statuses.map((s) => [s.capability, s.ready, s.missing]),
      withTestModels.map((c) => [c, true, []]),
    );
  });

  it('reports the exact paths missing from an empty models directory', async () => {
    const [asr] = await checkModels(modelSettings(emptyDir, {}), ['asr']);
    assert.equal(asr?.ready, false);
    assert.equal(asr?.directory, join(emptyDir, 'Xenova', 'whisper-small'));
    assert.ok(asr?.missing.includes(join(emptyDir, 'Xenova', 'whisper-small', 'onnx', 'encoder_model_quantized.onnx')));
  });

  it('refuses to load a missing model with an error naming capability, model and path', async () => {
    const settings = modelSettings(emptyDir, { BISHOP_ASR_MODEL: 'asr-tiny-random' });
    await assert.rejects(loadAsr(settings), (error: unknown) => {
      assert.ok(error instanceof ModelMissingError);
      assert.equal(error.capability, 'asr');
      assert.equal(error.model, 'asr-tiny-random');
      assert.equal(error.path, join(emptyDir, 'asr-tiny-random', 'config.json'));
      assert.match(error.message, /The asr model "asr-tiny-random" is not installed: .*config\.json does not exist/);
      assert.match(error.message, /BISHOP_ASR_MODEL/);
      return true;
    });
  });

  it('loads each capability offline, once per process', async () => {
    const settings = testModelSettings();
    const asr = await loadAsr(settings);
    assert.equal(await loadAsr(testModelSettings()), asr, 'the second load is the cached instance');
    const vad = await loadVad(settings);
    assert.deepEqual(vad.inputNames, ['input', 'state', 'sr']);
    const speaker = await loadSpeakerEmbedder(settings);
    assert.equal(speaker.calibration.samePersonAtLeast, 0.5);
    const embedding = await speaker.embed(new Float32Array(16_000).map((_, i) => Math.sin(i / 20) * 0.3));
    assert.ok(Math.abs(Math.hypot(...embedding) - 1) < 1e-4, 'speaker embeddings are unit length');
    const embedder = await loadTextEmbedder(settings);
    assert.equal((await embedder('Привет, мир', { pooling: 'mean', normalize: true })).dims.at(-1), 64);
    assert.ok(await loadLlm(settings));
    const tts = await loadTts(settings, 'ru');
    assert.equal(await loadTts(settings, 'en'), tts, 'both languages use the same test model, loaded once');
    assert.ok(testModelsDir.length > 0);
  });
});
