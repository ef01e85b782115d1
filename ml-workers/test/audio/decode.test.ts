import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AudioInputError, audioTools, decodeAudio, probeMedia, readAudio, sampleRate } from '../../src/audio/index.ts';
import { runTool } from '../../src/audio/run-tool.ts';
import { fixture } from './fixtures.ts';

const isAudioError = (reason: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof AudioInputError, `expected AudioInputError, got ${error}`);
  assert.equal(error.reason, reason);
  assert.match(error.message, message);
  return true;
};

// Mostly waiting on ffmpeg processes: run the cases side by side.
describe('decoding audio and video', { concurrency: true }, () => {
  const formats = [
    ['speech-en.wav', 'audio/wav'],
    ['speech-ru.flac', 'audio/flac'],
    ['speech.mp3', 'audio/mpeg'],
    ['telegram-voice.ogg', 'audio/ogg; codecs=opus'],
    ['speech.m4a', 'audio/x-m4a'],
    ['video-with-speech.mp4', 'video/mp4'],
    ['video-with-speech.webm', 'video/webm'],
    ['video-with-speech.mkv', 'video/matroska'],
    ['video-with-speech.mov', 'video/quicktime'],
  ] as const;
  for (const [name, mimeType] of formats) {
    it(`decodes ${name} to 16 kHz mono PCM as long as the file says`, async () => {
      const info = await probeMedia(fixture(name));
      assert.equal(info.mimeType, mimeType);
      assert.equal(info.hasVideo, mimeType.startsWith('video/'));
      const samples = await readAudio(fixture(name), 60);
      assert.ok(info.durationSec !== undefined);
      assert.ok(
        Math.abs(samples.length / sampleRate - info.durationSec) < 0.1,
        `${samples.length / sampleRate} s decoded, ${info.durationSec} s declared`,
      );
      const peak = samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
      assert.ok(peak > 0.3 && peak <= 1.05, `speech peak ${peak}`);
    });
  }

  it('streams in pieces instead of one buffer', async () => {
    let pieces = 0;
    for await (const piece of decodeAudio(fixture('interview-two-voices.flac'))) {
      pieces++;
      assert.ok(piece.length <= sampleRate * 2, `a piece of ${piece.length} samples`);
    }
    assert.ok(pieces > 5, `${pieces} pieces`);
  });

  it('decodes only the requested range', async () => {
    const part = await readAudio(fixture('interview-two-voices.flac'), 60, { startSec: 2, endSec: 5 });
    assert.ok(Math.abs(part.length / sampleRate - 3) < 0.01);
  });

  it('says a video without sound has no audio track', async () => {
    await assert.rejects(
      probeMedia(fixture('video-without-audio.mp4')),
      isAudioError('no-audio-track', /^The video has no audio track\.$/),
    );
    await assert.rejects(
      readAudio(fixture('video-without-audio.mp4'), 60),
      isAudioError('no-audio-track', /no audio track/),
    );
  });

  it('says a text file named .mp3 is not audio, by content, without leaking the server path', async () => {
    await assert.rejects(
      probeMedia(fixture('not-audio.mp3')),
      isAudioError('not-media', /^The file is not audio or video\.$/),
    );
    await assert.rejects(readAudio(fixture('not-audio.mp3'), 60), (error: unknown) => {
      isAudioError('not-media', /^The file is not audio or video that can be read/)(error);
      assert.ok(!(error as Error).message.includes(fixture('')), (error as Error).message);
      return true;
    });
  });

  it('says when the file is missing or ffmpeg is not installed', async () => {
    await assert.rejects(probeMedia(fixture('no-such-file.wav')), isAudioError('not-found', /does not exist/));
    const tools = audioTools({ BISHOP_FFMPEG: '/opt/nowhere/ffmpeg' });
    assert.equal(tools.ffprobe, '/opt/nowhere/ffprobe');
    await assert.rejects(
      readAudio(fixture('speech-en.wav'), 60, { tools }),
      isAudioError('tool-missing', /BISHOP_FFMPEG/),
    );
  });

  it('names the right package when a tool other than ffmpeg is missing', async () => {
    const missing = runTool('/opt/nowhere/espeak-ng', ['--version'], { timeoutMs: 5000 });
    await assert.rejects(missing, isAudioError('tool-missing', /install espeak-ng/));
    await assert.rejects(
      runTool('/opt/nowhere/espeak-ng', ['--version'], { timeoutMs: 5000 }),
      (error: Error) => !/ffmpeg/i.test(error.message),
    );
  });

  it('gives up when ffmpeg produces nothing for the stall timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bishop-fifo-'));
    const fifo = join(dir, 'never-written');
    execFileSync('mkfifo', [fifo]);
    try {
      const started = performance.now();
      await assert.rejects(readAudio(fifo, 60, { stallTimeoutMs: 300 }), isAudioError('timeout', /no audio for 0.3 s/));
      assert.ok(performance.now() - started < 5000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops ffmpeg when cancelled', async () => {
    const controller = new AbortController();
    const pieces = decodeAudio(fixture('interview-two-voices.flac'), { signal: controller.signal });
    await pieces.next();
    controller.abort(new Error('user stopped it'));
    await assert.rejects(
      (async () => {
        for await (const _ of pieces);
      })(),
      /user stopped it/,
    );
  });
});
