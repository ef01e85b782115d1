import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { modelSettings } from '../../src/models/index.ts';
import { chooseTtsEngine, createTtsEngines, defaultTtsEngines, noTtsReason } from '../../src/tts/index.ts';
import { testModelSettings } from '../models/test-models.ts';

const none = { chatterbox: false, http: false, vits: false, espeak: false };

describe('choosing the voice engine', () => {
  it('prefers cloning, then an HTTP server, then VITS, then espeak-ng', () => {
    assert.equal(
      chooseTtsEngine(defaultTtsEngines, { chatterbox: true, http: true, vits: true, espeak: true }),
      'chatterbox',
    );
    assert.equal(chooseTtsEngine(defaultTtsEngines, { ...none, http: true, vits: true, espeak: true }), 'http');
    assert.equal(chooseTtsEngine(defaultTtsEngines, { ...none, vits: true, espeak: true }), 'vits');
    assert.equal(chooseTtsEngine(defaultTtsEngines, { ...none, espeak: true }), 'espeak');
    assert.equal(chooseTtsEngine(defaultTtsEngines, none), null);
  });

  it('uses only the engines the operator allows, in the operator order', () => {
    const all = { chatterbox: true, http: true, vits: true, espeak: true };
    assert.equal(chooseTtsEngine(['vits', 'espeak'], all), 'vits', 'cloning not allowed');
    assert.equal(chooseTtsEngine(['espeak', 'vits'], all), 'espeak');
    assert.equal(chooseTtsEngine([], all), null);
  });

  it('says why nothing can speak', () => {
    assert.match(noTtsReason(defaultTtsEngines, 'ru'), /No speech synthesis for Russian is installed.*espeak-ng/);
    assert.match(noTtsReason([], 'en'), /turned off.*BISHOP_TTS_ENGINES=none/);
  });

  describe('from what this machine has', () => {
    let empty: string;
    before(async () => {
      empty = await mkdtemp(join(tmpdir(), 'bishop-tts-'));
    });
    after(() => rm(empty, { recursive: true, force: true }));

    it('picks VITS for the test models (no cloning model installed)', async () => {
      const engines = createTtsEngines({
        models: testModelSettings(),
        engines: defaultTtsEngines,
        espeakProgram: 'espeak-ng',
      });
      const choice = await engines.forLanguage('ru');
      assert.equal(choice.tts?.describe().engine, 'vits');
      assert.equal(choice.tts?.describe().model, 'tts-tiny-random');
    });

    it('falls back to espeak-ng without models, and to nothing without espeak-ng', async () => {
      const models = modelSettings(empty, {});
      const espeak = await createTtsEngines({
        models,
        engines: defaultTtsEngines,
        espeakProgram: 'espeak-ng',
      }).forLanguage('en');
      assert.equal(espeak.tts?.describe().engine, 'espeak');
      const nothing = await createTtsEngines({
        models,
        engines: defaultTtsEngines,
        espeakProgram: '/nonexistent/espeak',
      }).forLanguage('en');
      assert.equal(nothing.tts, null);
      assert.ok(!nothing.tts && /No speech synthesis for English/.test(nothing.reason));
    });

    it('uses the HTTP server when one is configured and no cloning model is installed', async () => {
      const http = { url: 'http://127.0.0.1:9/tts', timeoutSec: 5 };
      const choice = await createTtsEngines({
        models: testModelSettings(),
        engines: defaultTtsEngines,
        http,
        espeakProgram: 'espeak-ng',
      }).forLanguage('ru');
      assert.equal(choice.tts?.describe().engine, 'http');
      assert.equal(choice.tts?.describe().clones, true);
    });
  });
});
