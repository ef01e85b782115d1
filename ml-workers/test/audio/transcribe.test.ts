import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-node';
import {
  AudioInputError,
  readAudio,
  type TranscribeProgress,
  type Transcript,
  transcribeFile,
  transcribeSamples,
} from '../../src/audio/index.ts';
import { loadAsr, loadVad } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { fixture, interviewTurns } from './fixtures.ts';

/** Segments are ordered, non-overlapping, non-empty and inside the file. */
function assertSane(transcript: Transcript) {
  let previousEnd = 0;
  for (const segment of transcript.segments) {
    assert.ok(segment.startSec >= previousEnd, `${segment.startSec} starts before the previous end ${previousEnd}`);
    assert.ok(segment.endSec > segment.startSec, `${segment.startSec}–${segment.endSec} is empty`);
    assert.ok(segment.endSec <= transcript.durationSec);
    assert.ok(segment.text.length > 0 && segment.text === segment.text.trim());
    previousEnd = segment.endSec;
  }
}

describe('transcribing a file (asr-tiny-random: timings are real, words are not)', () => {
  let asr: AutomaticSpeechRecognitionPipeline;
  let vad: InferenceSession;
  before(async () => {
    const settings = testModelSettings();
    [asr, vad] = await Promise.all([loadAsr(settings), loadVad(settings)]);
  });

  it('gives segments placed on the speech, in file time', async () => {
    const progress: TranscribeProgress[] = [];
    const transcript = await transcribeFile(fixture('interview-two-voices.flac'), {
      asr,
      vad,
      onProgress: (p) => progress.push(p),
    });
    assertSane(transcript);
    assert.ok(transcript.language === 'ru' || transcript.language === 'en');
    assert.ok(Math.abs(transcript.durationSec - 39.09) < 0.05);
    // Every turn is covered by segments for most of its length, and no segment lies in a 3 s pause.
    for (const turn of interviewTurns()) {
      const covered = transcript.segments.reduce(
        (sum, s) => sum + Math.max(0, Math.min(s.endSec, turn.endSec) - Math.max(s.startSec, turn.startSec)),
        0,
      );
      assert.ok(covered / (turn.endSec - turn.startSec) > 0.8, `turn at ${turn.startSec} s is ${covered} s covered`);
    }
    for (const segment of transcript.segments) {
      assert.ok(
        interviewTurns().some((t) => segment.startSec < t.endSec && segment.endSec > t.startSec),
        `${segment.startSec}–${segment.endSec} overlaps no speech`,
      );
    }
    const processed = progress.map((p) => p.processedSec);
    assert.deepEqual(
      processed,
      [...processed].sort((a, b) => a - b),
      'progress only moves forward',
    );
    assert.deepEqual(progress.at(-1), { processedSec: transcript.durationSec, totalSec: transcript.durationSec });
    assert.ok(progress.length >= 3, 'a report after each chunk (two here) and one at the end');
  });

  it('transcribes the audio track of a video, and stays silent on silence', async () => {
    const video = await transcribeFile(fixture('video-with-speech.webm'), { asr, vad, language: 'ru' });
    assertSane(video);
    assert.equal(video.language, 'ru', 'a given language skips detection');
    assert.ok(video.segments.length >= 1);
    const framed = await transcribeFile(fixture('silence-then-speech.flac'), { asr, vad });
    assert.ok((framed.segments[0]?.startSec ?? 0) > 3.5, 'the leading 4 s of silence yield nothing');
  });

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    let chunksDone = 0;
    await assert.rejects(
      transcribeFile(fixture('interview-two-voices.flac'), {
        asr,
        vad,
        signal: controller.signal,
        onProgress: () => {
          if (++chunksDone === 1) controller.abort(new Error('training stopped'));
        },
      }),
      /training stopped/,
    );
    assert.equal(chunksDone, 1, 'no chunk ran after the abort');
  });

  it('hears a sentence-long turn as the bare pipeline does: decoded without timestamps, timed by VAD', async () => {
    // Whisper's timestamp mode decodes differently and, on real recordings, worse (bench-results/quality.md).
    const samples = await readAudio(fixture('speech-en.wav'), 8);
    const bare = await asr(samples, { language: 'en', task: 'transcribe' });
    const transcript = await transcribeSamples(samples, { asr, language: 'en' });
    assert.deepEqual(transcript.segments, [
      {
        startSec: 0,
        endSec: Math.round(transcript.durationSec * 1000) / 1000,
        text: (Array.isArray(bare) ? bare[0]?.text : bare.text)?.trim(),
      },
    ]);
  });

  it('refuses a video without sound before loading any audio', async () => {
    await assert.rejects(
      transcribeFile(fixture('video-without-audio.mp4'), { asr, vad }),
      (error: unknown) => error instanceof AudioInputError && error.reason === 'no-audio-track',
    );
  });
});
