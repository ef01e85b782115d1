import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { InferenceSession } from 'onnxruntime-node';
import {
  chunkSpeech,
  decodeAudio,
  detectVoiceActivity,
  isSpeechFrame,
  sampleRate,
  type VadFrame,
} from '../../src/audio/index.ts';
import { loadVad } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { fixture, interviewTurns } from './fixtures.ts';

async function framesOf(vad: InferenceSession, file: string): Promise<VadFrame[]> {
  const frames: VadFrame[] = [];
  for await (const frame of detectVoiceActivity(vad, decodeAudio(file))) frames.push(frame);
  return frames;
}

describe('Silero VAD on real speech', () => {
  let vad: InferenceSession;
  before(async () => {
    vad = await loadVad(testModelSettings());
  });

  it('hears the speech and not the silence around it', async () => {
    // silence-then-speech.flac: 4 s of silence, about 5.2 s of speech, 3 s of silence.
    const frames = await framesOf(vad, fixture('silence-then-speech.flac'));
    const at = (frame: VadFrame) => frame.startSample / sampleRate;
    const silent = frames.filter((f) => at(f) < 3.8 || at(f) > 9.6);
    const speaking = frames.filter((f) => at(f) > 4.2 && at(f) < 9);
    assert.ok(Math.max(...silent.map((f) => f.speechProbability)) < 0.1, 'silence stays below 0.1');
    const share = speaking.filter((f) => f.speechProbability > 0.5).length / speaking.length;
    assert.ok(share > 0.7, `${(share * 100).toFixed(0)}% of speech frames above 0.5`);
    let inSpeech = false;
    const speechSeconds = frames.filter((f) => (inSpeech = isSpeechFrame(inSpeech, f.speechProbability))).map(at);
    assert.ok(Math.min(...speechSeconds) > 3.8 && Math.max(...speechSeconds) < 9.6);
  });

  it('covers the whole stream in 32 ms frames, whatever size the decoded pieces are', async () => {
    const frames = await framesOf(vad, fixture('speech-en.wav'));
    for (const [i, frame] of frames.entries()) assert.equal(frame.startSample, i * 512);
    const decoded = frames.reduce((n, f) => n + f.samples.length, 0);
    assert.ok(Math.abs(decoded / sampleRate - 6.887) < 0.01, `${decoded / sampleRate} s`);
  });

  it('joins the interview’s turns into chunks and leaves the 3 s pauses between them out, not its 1 s edges', async () => {
    const spans: { startSec: number; endSec: number }[] = [];
    for await (const item of chunkSpeech(detectVoiceActivity(vad, decodeAudio(fixture('interview-two-voices.flac'))))) {
      if (item.type !== 'chunk') continue;
      for (const span of item.spans) {
        const previous = spans.at(-1);
        // A chunk cut inside speech splits one stretch in two; join them back to compare with the turns.
        if (previous && Math.abs(previous.endSec - span.startSec) < 1e-6) previous.endSec = span.endSec;
        else spans.push({ startSec: span.startSec, endSec: span.endSec });
      }
    }
    // Back-to-back sentences of one voice form one stretch of speech.
    const stretches = interviewTurns().reduce<{ startSec: number; endSec: number }[]>((all, turn) => {
      const last = all.at(-1);
      if (last?.endSec === turn.startSec) last.endSec = turn.endSec;
      else all.push({ startSec: turn.startSec, endSec: turn.endSec });
      return all;
    }, []);
    assert.equal(spans.length, stretches.length);
    // The file's 1 s lead-in and tail are shorter than a silence left out: kept whole, as Whisper should hear them.
    const durationSec = 39.09;
    for (const [i, span] of spans.entries()) {
      const stretch = stretches[i] as { startSec: number; endSec: number };
      if (i === 0) assert.equal(span.startSec, 0, 'the lead-in is kept');
      else
        assert.ok(
          span.startSec < stretch.startSec && span.startSec > stretch.startSec - 0.4,
          `span ${i} starts at ${span.startSec}`,
        );
      if (i === spans.length - 1)
        assert.ok(Math.abs(span.endSec - durationSec) < 0.05, `the tail is kept: ${span.endSec}`);
      else
        assert.ok(
          span.endSec > stretch.endSec - 0.4 && span.endSec < stretch.endSec + 0.4,
          `span ${i} ends at ${span.endSec}`,
        );
    }
  });
});
