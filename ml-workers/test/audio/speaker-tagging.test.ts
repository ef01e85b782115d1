import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-node';
import {
  checkVoiceSample,
  cosineSimilarity,
  readAudio,
  type TranscriptSegment,
  tagSegmentsBySpeaker,
  transcribeFile,
} from '../../src/audio/index.ts';
import { loadAsr, loadSpeakerEmbedder, loadVad, type SpeakerEmbedder } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { fixture, interviewTurns } from './fixtures.ts';

describe('speaker-aware tagging (speaker-procedural)', () => {
  let speaker: SpeakerEmbedder;
  let reference: Float32Array;
  let asr: AutomaticSpeechRecognitionPipeline;
  let vad: InferenceSession;
  before(async () => {
    const settings = testModelSettings();
    [asr, vad, speaker] = await Promise.all([loadAsr(settings), loadVad(settings), loadSpeakerEmbedder(settings)]);
    // The person's voice sample: another recording of the same voice.
    reference = (await checkVoiceSample(fixture('voice-sample-good.flac'), { vad, speaker })).embedding;
  });

  // One segment per sentence, as a real Whisper gives them (the random test model's segments ignore sentences).
  const sentences: TranscriptSegment[] = interviewTurns().map((turn, i) => ({
    startSec: turn.startSec,
    endSec: turn.endSec,
    text: `sentence ${i + 1}`,
  }));
  const truth = interviewTurns().map((turn) => turn.voice === 'person');

  it('keeps the person’s sentences of an interview and drops the other voice’s, streaming the file', async () => {
    const tagged = await tagSegmentsBySpeaker(sentences, fixture('interview-two-voices.flac'), reference, speaker);
    assert.deepEqual(
      tagged.map((s) => s.isPerson),
      truth,
    );
    for (const segment of tagged) {
      assert.ok(
        segment.isPerson ? segment.similarity > 0.8 : segment.similarity < 0.3,
        `clear margin: ${segment.similarity}`,
      );
    }
    assert.deepEqual(
      tagged.map((s) => s.text),
      sentences.map((s) => s.text),
    );
  });

  it('gives the same tags from PCM in memory', async () => {
    const samples = await readAudio(fixture('interview-two-voices.flac'), 60);
    const tagged = await tagSegmentsBySpeaker(sentences, samples, reference, speaker);
    assert.deepEqual(
      tagged.map((s) => s.isPerson),
      truth,
    );
  });

  it('tags what transcribeFile returns: segments within one voice get that voice', async () => {
    const file = fixture('interview-two-voices.flac');
    const { segments } = await transcribeFile(file, { asr, vad });
    const tagged = await tagSegmentsBySpeaker(segments, file, reference, speaker);
    const within = tagged
      .map((segment) => ({
        segment,
        turn: interviewTurns().find((t) => t.startSec - 0.3 <= segment.startSec && segment.endSec <= t.endSec + 0.3),
      }))
      .filter(({ turn }) => turn !== undefined);
    assert.ok(within.length >= 1);
    for (const { segment, turn } of within) assert.equal(segment.isPerson, turn?.voice === 'person');
  });

  it('embeds very short segments with a second of context instead of failing', async () => {
    const blip = { startSec: 10, endSec: 10.1, text: 'ok' };
    const [tagged] = await tagSegmentsBySpeaker([blip], fixture('interview-two-voices.flac'), reference, speaker);
    assert.equal(tagged?.isPerson, true, 'the person speaks around 10 s');
  });

  it('measures similarity as a cosine', () => {
    const a = Float32Array.from([1, 0, 0]);
    assert.equal(cosineSimilarity(a, Float32Array.from([2, 0, 0])), 1);
    assert.equal(cosineSimilarity(a, Float32Array.from([0, 3, 0])), 0);
    assert.throws(() => cosineSimilarity(a, Float32Array.from([1, 0])), /differ in size/);
  });
});
