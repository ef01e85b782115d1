import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { speakReply } from '../../src/dubbing/speak-reply.ts';
import { checkModels, modelSettings, resolveModelsDir } from '../../src/models/index.ts';
import { CHATTERBOX_SAMPLE_RATE, chatterboxText, createChatterboxTts, STRESS_MARK } from '../../src/tts/index.ts';

const run = promisify(execFile);

describe('Chatterbox text preparation', () => {
  it('lower-cases, decomposes (NFKD) and tags the language, keeping stress marks', () => {
    assert.equal(chatterboxText('Hello, World!', 'en'), '[en]hello, world!');
    const russian = chatterboxText(`Приве${STRESS_MARK}т, Йошкар-Ола`, 'ru');
    assert.ok(russian.startsWith('[ru]приве\u0301т, '));
    assert.ok(russian.includes('и\u0306'), 'й decomposes to и + breve, as the model was trained');
  });
});

// Only a real model can be tested: no cloning test model exists (tests/models has none, weights are GBs).
const models = modelSettings(resolveModelsDir('.bishop'));
const [status] = await checkModels(models, ['tts-clone']);
if (!status?.ready) console.log('SKIPPED: voice cloning (no real model in BISHOP_MODELS_DIR)');

describe('Chatterbox Multilingual voice cloning (real model)', { skip: !status?.ready }, () => {
  let dir: string;
  let sample: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bishop-clone-'));
    sample = join(dir, 'sample.wav');
    await run('espeak-ng', ['-v', 'ru', '-w', sample, 'Это мой голос. Я читаю этот текст медленно и ясно.']);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('speaks Russian and English in the voice of the sample, at 24 kHz', async () => {
    const tts = createChatterboxTts(models);
    for (const [language, text] of [
      ['ru', 'Привет! Сегодня хорошая погода.'],
      ['en', 'Hello! The weather is nice today.'],
    ] as const) {
      const spoken = await speakReply(tts, text, { language, reference: sample, espeakProgram: 'espeak-ng' });
      assert.equal(spoken.sampleRate, CHATTERBOX_SAMPLE_RATE);
      assert.equal(spoken.voice, 'cloned');
      assert.ok(spoken.samples.length / spoken.sampleRate > 1, `${language}: more than a second of speech`);
    }
  });

  it('speaks the export default voice, marked generic, without a sample', async () => {
    const speech = await createChatterboxTts(models).synthesize('Hello there.', { language: 'en' });
    assert.equal(speech.voice, 'generic');
    assert.ok(speech.samples.length > CHATTERBOX_SAMPLE_RATE / 2);
  });
});
