import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-node';
import {
  checkVoiceSample,
  cosineSimilarity,
  type PersonVoice,
  type SpeechSegment,
  segmentRecording,
  speakerTurnsInFile,
  transcribeFile,
} from '../../src/audio/index.ts';
import { loadAsr, loadSpeakerEmbedder, loadVad, type SpeakerEmbedder } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { conversationTurns, fixture, interviewTurns, type Turn } from './fixtures.ts';
import { personTime } from './speaker-scoring.ts';

describe('speaker-aware segmentation (speaker-procedural)', () => {
  let speaker: SpeakerEmbedder;
  let voice: PersonVoice;
  let asr: AutomaticSpeechRecognitionPipeline;
  let vad: InferenceSession;
  before(async () => {
    const settings = testModelSettings();
    [asr, vad, speaker] = await Promise.all([loadAsr(settings), loadVad(settings), loadSpeakerEmbedder(settings)]);
    // The person's voice sample: another recording of the same voice.
    const reference = (await checkVoiceSample(fixture('voice-sample-good.flac'), { vad, speaker })).embedding;
    voice = { embedder: speaker, reference, threshold: speaker.calibration.samePersonAtLeast };
  });

  async function segmentsOf(file: string): Promise<SpeechSegment[]> {
    const { segments } = await transcribeFile(file, { asr, vad });
    return segmentRecording(file, segments, { vad, voice });
  }

  for (const file of ['conversation.wav', 'conversation.mp3', 'conversation.mp4']) {
    it(`finds the person’s speech in quick turns, short ones included (${file}): recall ≥ 0.9 at precision ≥ 0.95 by time`, async () => {
      const truth = conversationTurns();
      const score = personTime(await segmentsOf(fixture(file)), truth);
      assert.ok(score.recall >= 0.9, `recall ${score.recall.toFixed(3)}`);
      assert.ok(score.precision >= 0.95, `precision ${score.precision.toFixed(3)}`);
    });
  }

  it('puts a segment edge near every change of speaker (within 0.5 s)', async () => {
    const truth = conversationTurns();
    const turns = await speakerTurnsInFile(fixture('conversation.wav'), { vad, voice });
    const edges = turns.flatMap((turn) => [turn.startSec, turn.endSec]);
    const changes = truth.slice(1).map((turn, i) => ((truth[i] as Turn).endSec + turn.startSec) / 2);
    const missed = changes.filter((at) => !edges.some((edge) => Math.abs(edge - at) <= 0.5));
    assert.deepEqual(missed, [], `${changes.length - missed.length} of ${changes.length} changes have an edge`);
  });

  it('judges each turn as a whole: short turns too, with a clear margin', async () => {
    const truth = conversationTurns();
    const turns = await speakerTurnsInFile(fixture('conversation.wav'), { vad, voice });
    for (const turn of truth) {
      const judged = turns.filter((t) => Math.min(t.endSec, turn.endSec) - Math.max(t.startSec, turn.startSec) > 0.2);
      assert.ok(judged.length > 0, `a turn at ${turn.startSec}`);
      for (const t of judged) {
        assert.equal(t.isPerson, turn.voice === 'person', `${turn.voice} at ${turn.startSec}: ${t.similarity}`);
      }
    }
  });

  it('without a voice sample, cuts at pauses only and judges nothing', async () => {
    const turns = await speakerTurnsInFile(fixture('interview-two-voices.flac'), { vad });
    assert.ok(turns.length >= interviewTurns().length / 2);
    assert.ok(turns.every((turn) => turn.isPerson === null && turn.similarity === null));
    // The 3 s pauses between turns are never inside a segment.
    for (const [i, turn] of interviewTurns().entries()) {
      const next = interviewTurns()[i + 1];
      if (!next || next.startSec - turn.endSec < 2) continue;
      const gap = (turn.endSec + next.startSec) / 2;
      assert.ok(!turns.some((t) => t.startSec < gap && gap < t.endSec), `pause at ${gap}`);
    }
  });

  it('measures similarity as a cosine, -1..1', () => {
    const a = Float32Array.from([1, 0, 0]);
    assert.equal(cosineSimilarity(a, Float32Array.from([2, 0, 0])), 1);
    assert.equal(cosineSimilarity(a, Float32Array.from([0, 3, 0])), 0);
    assert.equal(cosineSimilarity(a, Float32Array.from([-1, 0, 0])), -1);
    assert.throws(() => cosineSimilarity(a, Float32Array.from([1, 0])), /differ in size/);
  });
});
