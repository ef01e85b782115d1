import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { encodeDub, SYNTHETIC_NOTICE } from '../../src/dubbing/encode-dub.ts';
import { speakReply } from '../../src/dubbing/speak-reply.ts';
import { createEspeakTts, createVitsTts } from '../../src/tts/index.ts';
import { testModelSettings } from '../models/test-models.ts';

const run = promisify(execFile);

async function probe(path: string) {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  const json = JSON.parse(stdout) as {
    format: { duration: string; format_name: string };
    streams: { codec_name: string; sample_rate: string; tags?: Record<string, string> }[];
  };
  return { ...json, stream: json.streams[0] };
}

describe('local voices → ffmpeg → a playable Ogg/Opus', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bishop-voices-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function dubFile(name: string, samples: Float32Array, sampleRate: number) {
    const encoded = await encodeDub(samples, sampleRate, {
      voice: 'generic',
      model: 'tts-tiny-random',
      watermark: null,
      language: 'ru',
    });
    const path = join(dir, name);
    await writeFile(path, encoded.bytes);
    return { path, encoded };
  }

  it('speaks with the transformers.js VITS test model; the audio grows with the text', async () => {
    const tts = createVitsTts(testModelSettings());
    const espeakProgram = 'espeak-ng';
    const short = await speakReply(tts, 'Привет.', { language: 'ru', reference: null, espeakProgram });
    const long = await speakReply(tts, 'Привет. Сегодня мы поговорим о звёздах. И о планетах тоже!', {
      language: 'ru',
      reference: null,
      espeakProgram,
    });
    assert.equal(short.sampleRate, 16000);
    assert.equal(long.sentences, 3);
    assert.equal(long.voice, 'generic');
    const a = await dubFile('short.ogg', short.samples, short.sampleRate);
    const b = await dubFile('long.ogg', long.samples, long.sampleRate);
    const [pa, pb] = [await probe(a.path), await probe(b.path)];
    assert.equal(pa.stream?.codec_name, 'opus');
    assert.equal(pa.format.format_name, 'ogg');
    assert.ok(
      Number(pb.format.duration) > Number(pa.format.duration) * 2,
      `${pb.format.duration} vs ${pa.format.duration}`,
    );
    assert.ok(Math.abs(Number(pb.format.duration) - b.encoded.durationSec) < 0.1, 'recorded duration matches the file');
  });

  it('marks every dub as synthetic speech in its metadata', async () => {
    const samples = new Float32Array(16000).map((_, i) => 0.2 * Math.sin(i / 8));
    const { path } = await dubFile('tags.ogg', samples, 16000);
    const tags = (await probe(path)).stream?.tags ?? {};
    assert.ok(tags.comment?.startsWith(SYNTHETIC_NOTICE), tags.comment);
    assert.match(
      tags.comment ?? '',
      /^AI-generated synthetic speech \(Bishop\).*a generic voice; model tts-tiny-random/,
    );
    assert.equal(tags.AI_GENERATED, 'true');
    assert.equal(tags.BISHOP_VOICE, 'generic');
    assert.equal(tags.BISHOP_WATERMARK, 'none');
  });

  it('speaks with espeak-ng, reporting sentences in order as they finish', async () => {
    const tts = createEspeakTts({ program: 'espeak-ng' });
    const seen: number[] = [];
    const spoken = await speakReply(tts, 'Hello there. This is a generic voice. Goodbye!', {
      language: 'en',
      reference: 'ignored.wav',
      espeakProgram: 'espeak-ng',
      onSentence: ({ index, count }) => {
        seen.push(index);
        assert.equal(count, 3);
      },
    });
    assert.deepEqual(seen, [0, 1, 2]);
    assert.equal(spoken.voice, 'generic', 'espeak-ng never clones');
    assert.ok(spoken.samples.length / spoken.sampleRate > 2, 'a few seconds of speech');
    const peak = spoken.samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    assert.ok(peak > 0.05, `audible (peak ${peak})`);
  });
});
