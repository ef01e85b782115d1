import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InferenceSession } from 'onnxruntime-node';
import { checkVoiceSample, cutAudio, readAudio } from '../../src/audio/index.ts';
import { loadSpeakerEmbedder, loadVad, type SpeakerEmbedder } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { fixture } from './fixtures.ts';

describe('voice sample check', { concurrency: true }, () => {
  let vad: InferenceSession;
  let speaker: SpeakerEmbedder;
  let scratch: string;
  before(async () => {
    const settings = testModelSettings();
    [vad, speaker] = await Promise.all([loadVad(settings), loadSpeakerEmbedder(settings)]);
    scratch = await mkdtemp(join(tmpdir(), 'bishop-voice-'));
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  const checked = new Map<string, ReturnType<typeof checkVoiceSample>>();
  const check = (name: string) => {
    if (!checked.has(name)) checked.set(name, checkVoiceSample(fixture(name), { vad, speaker }));
    return checked.get(name) as ReturnType<typeof checkVoiceSample>;
  };

  it('accepts 16 s of one clear voice, with figures to show', async () => {
    const result = await check('voice-sample-good.flac');
    assert.deepEqual(result.reasons, []);
    assert.equal(result.verdict, 'ok');
    const { figures } = result;
    assert.ok(Math.abs(figures.durationSec - 15.75) < 0.05);
    assert.ok(Math.abs(figures.loudnessLufs - -23) < 1, `${figures.loudnessLufs} LUFS`);
    assert.equal(figures.clippingRatio, 0);
    assert.ok(figures.silenceRatio > 0.05 && figures.silenceRatio < 0.35, `silence ${figures.silenceRatio}`);
    assert.ok(figures.speakerConsistency >= 0.4, `consistency ${figures.speakerConsistency}`);
    assert.equal(result.embedding.length, 96);
  });

  it('rejects a sample that is too short, saying how long it is', async () => {
    const result = await check('voice-sample-too-short.flac');
    assert.equal(result.verdict, 'rejected');
    assert.deepEqual(result.reasons, ['The sample is 3.0 s long; it must be 6–60 s.']);
  });

  it('rejects a clipped sample', async () => {
    const result = await check('voice-sample-clipped.flac');
    assert.equal(result.reasons.length, 1);
    assert.match(result.reasons[0] ?? '', /^Clipped: \d+(\.\d)?% of the sound hits full volume/);
    assert.ok(result.figures.clippingRatio > 0.01);
  });

  it('rejects a quiet sample', async () => {
    const result = await check('voice-sample-quiet.flac');
    assert.deepEqual(result.reasons, [
      'Too quiet: the sample measures -67 LUFS; record closer to the microphone or raise the input level (about -23 LUFS is ideal).',
    ]);
  });

  it('rejects a sample that is mostly silence', async () => {
    const result = await check('voice-sample-mostly-silence.flac');
    assert.equal(result.reasons.length, 1);
    assert.match(result.reasons[0] ?? '', /^Mostly silence: speech fills only 3\d% of the sample\.$/);
  });

  it('rejects a sample where two people speak', async () => {
    const result = await check('voice-sample-two-speakers.flac');
    assert.deepEqual(result.reasons, [
      'More than one person seems to speak; the sample must hold only the voice of the person.',
    ]);
    assert.ok(result.figures.speakerConsistency < 0.1, `consistency ${result.figures.speakerConsistency}`);
  });

  it('checks PCM already in memory the same way as the file', async () => {
    const samples = await readAudio(fixture('voice-sample-good.flac'), 60);
    const fromPcm = await checkVoiceSample(samples, { vad, speaker });
    const fromFile = await check('voice-sample-good.flac');
    assert.equal(fromPcm.verdict, 'ok');
    assert.ok(Math.abs(fromPcm.figures.loudnessLufs - fromFile.figures.loudnessLufs) < 0.01);
    assert.ok(Math.abs(fromPcm.figures.durationSec - fromFile.figures.durationSec) < 0.01);
  });

  it('cuts a sample out of a recording, and the cut of one voice passes the check', async () => {
    // interview-two-voices.flac: the person speaks from 8.83 s to 19.42 s.
    const output = join(scratch, 'cut.wav');
    const { durationSec } = await cutAudio(fixture('interview-two-voices.flac'), output, {
      startSec: 8.7,
      endSec: 19.5,
    });
    assert.ok(Math.abs(durationSec - 10.8) < 0.02, `${durationSec} s`);
    assert.equal((await checkVoiceSample(output, { vad, speaker })).verdict, 'ok');
  });

  it('refuses impossible cuts with a reason', async () => {
    const input = fixture('interview-two-voices.flac');
    const output = join(scratch, 'bad.wav');
    await assert.rejects(
      cutAudio(input, output, { startSec: 5, endSec: 5 }),
      /the end \(5 s\) must come after the start/,
    );
    await assert.rejects(cutAudio(input, output, { startSec: -1, endSec: 5 }), /must be seconds from 0/);
    await assert.rejects(cutAudio(input, output, { startSec: 50, endSec: 60 }), /it is only 39\.1 s long/);
  });
});
