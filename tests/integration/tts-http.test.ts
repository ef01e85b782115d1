import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { speakReply } from '@bishop/ml-workers';
import { createHttpTts, TtsUnavailableError } from '@bishop/ml-workers/tts';
import { temporaryDirectory } from '../src/test-env.ts';
import { startTtsHttpProcess, type TtsHttpProcess } from '../src/tts-http-process.ts';

const run = promisify(execFile);

/** The HTTP TTS adapter against a real speech server process (espeak-ng behind an XTTS-style API). */
describe('HTTP TTS adapter (XTTS-style server)', () => {
  let server: TtsHttpProcess;
  let dir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let sample: string;
  before(async () => {
    server = await startTtsHttpProcess();
    dir = await temporaryDirectory('tts-http');
    sample = `${dir.path}/sample.wav`;
    await run('espeak-ng', ['-v', 'ru', '-w', sample, 'Это мой голос, запишите его.']);
  });
  after(async () => {
    await server?.stop();
    await dir?.remove();
  });

  it('sends text, language and the voice sample, and returns the speech it answers', async () => {
    const tts = createHttpTts({ url: `${server.url}/tts`, apiKey: 'secret-key', timeoutSec: 30 });
    const speech = await tts.synthesize('Привет, как дела?', { language: 'ru', reference: sample });
    assert.equal(speech.voice, 'cloned');
    assert.equal(speech.model, 'espeak-ng test server');
    assert.equal(speech.sampleRate, 16000);
    assert.ok(speech.samples.length / speech.sampleRate > 0.8, 'about a second of speech');
    const [request] = (await server.requests()).slice(-1);
    assert.equal(request?.text, 'Привет, как дела?');
    assert.equal(request?.language, 'ru');
    assert.equal(request?.speakerFormat, 'wav', 'the sample arrived as real audio');
    assert.equal(request?.authorization, 'Bearer secret-key');
  });

  it('speaks a generic voice when no sample may be used', async () => {
    const tts = createHttpTts({ url: `${server.url}/tts`, timeoutSec: 30 });
    const speech = await tts.synthesize('Hello there.', { language: 'en' });
    assert.equal(speech.voice, 'generic');
    const [request] = (await server.requests()).slice(-1);
    assert.equal(request?.speakerBytes, 0);
    assert.equal(request?.authorization, null);
  });

  it('speaks a long reply one sentence per request, in order', async () => {
    const before = (await server.requests()).length;
    const tts = createHttpTts({ url: `${server.url}/tts`, timeoutSec: 30 });
    const spoken = await speakReply(tts, 'First sentence. Second one! And the third?', {
      language: 'en',
      reference: sample,
      espeakProgram: 'espeak-ng',
    });
    const texts = (await server.requests()).slice(before).map((r) => r.text);
    assert.deepEqual(texts, ['First sentence.', 'Second one!', 'And the third?']);
    assert.equal(spoken.voice, 'cloned');
  });

  it('reports a failing server with its status and answer, and an absent one as unavailable', async () => {
    const failing = createHttpTts({ url: `${server.url}/tts?fail=1`, timeoutSec: 30 });
    await assert.rejects(
      failing.synthesize('Hi.', { language: 'en' }),
      /answered 500 \(application\/json\).*model crashed/,
    );
    const absent = createHttpTts({ url: 'http://127.0.0.1:9/tts', timeoutSec: 2 });
    await assert.rejects(absent.synthesize('Hi.', { language: 'en' }), (error: unknown) => {
      assert.ok(error instanceof TtsUnavailableError);
      assert.match(error.message, /could not be reached/);
      return true;
    });
  });
});
