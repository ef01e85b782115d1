import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type AvatarState,
  type CommandMetadata,
  type Material,
  type TranscriptDocument,
  voiceSampleBlobKey,
} from '@bishop/domain';
import { sleep } from '../src/async.ts';
import { openTrainingRig, type TrainingRig } from '../src/training-rig.ts';

const script = fileURLToPath(new URL('../fixtures/audio/make-fixtures.sh', import.meta.url));
const audio = (name: string) => join(execFileSync('bash', [script], { encoding: 'utf8' }).trim(), name);
type Turn = { voice: 'person' | 'other'; startSec: number; endSec: number };
const as = (actor: CommandMetadata['actor']): CommandMetadata => ({
  commandId: randomUUID(),
  actor,
  now: new Date().toISOString(),
});
const voiceCheck = { kind: 'system', service: 'voice-check' } as const;

/** Recall and precision of the person's speech by time (silence tagged as the person counts against precision). */
function personTime(segments: TranscriptDocument['segments'], truth: readonly Turn[]) {
  const overlap = (s: { startSec: number | null; endSec: number | null }, t: Turn) =>
    Math.max(0, Math.min(s.endSec ?? 0, t.endSec) - Math.max(s.startSec ?? 0, t.startSec));
  const person = truth.filter((turn) => turn.voice === 'person');
  const tagged = segments.filter((segment) => segment.isPerson === true);
  const hit = tagged.reduce((sum, s) => sum + person.reduce((x, t) => x + overlap(s, t), 0), 0);
  const claimed = tagged.reduce((sum, s) => sum + (s.endSec ?? 0) - (s.startSec ?? 0), 0);
  return { recall: hit / person.reduce((sum, t) => sum + t.endSec - t.startSec, 0), precision: hit / claimed };
}

/**
 * Speaker-aware ingestion through the real workers (extraction, then tagging,
 * then training): a recording uploaded before the voice sample is tagged once
 * the sample is accepted, and again when another sample replaces it.
 */
describe('speaker tagging through extraction and training', { concurrency: false }, () => {
  let rig: TrainingRig;
  let avatarId: string;
  let ownerActor: CommandMetadata['actor'];
  const truth = async () => JSON.parse(await readFile(audio('conversation.turns.json'), 'utf8')) as Turn[];

  before(async () => {
    rig = await openTrainingRig('speakers');
    rig.startTrainer();
    avatarId = await rig.createAvatar('Anna');
    ownerActor = { kind: 'user', userId: rig.userId };
  });
  after(() => rig?.close());

  const recording = async (materialId: string) => {
    const state: AvatarState = await rig.stateOf(avatarId);
    assert.ok(state.status === 'idle' || state.status === 'training');
    return state.materials.get(materialId) as Extract<Material, { status: 'ready' }>;
  };
  const taggedWith = async (materialId: string, sampleId: string) => {
    const deadline = Date.now() + 120_000;
    while ((await recording(materialId))?.speakers?.sampleId !== sampleId) {
      assert.ok(Date.now() < deadline, `not tagged against ${sampleId} within 120 s`);
      await sleep(100);
    }
    const { speakers } = await recording(materialId);
    assert.equal(speakers?.status, 'tagged', JSON.stringify(speakers));
    return speakers;
  };
  const documentAt = async (key: string) => {
    const blob = await rig.blobs.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of blob.body) chunks.push(Buffer.from(chunk));
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as TranscriptDocument;
  };
  async function acceptSample(file: string): Promise<string> {
    const sampleId = randomUUID();
    const blobKey = voiceSampleBlobKey(avatarId, sampleId);
    await rig.blobs.put(blobKey, await readFile(audio(file)));
    await rig.commands.avatar(avatarId, {
      type: 'SubmitVoiceSample',
      data: { sampleId, blobKey, source: { kind: 'upload', fileName: file } },
      metadata: as(ownerActor),
    });
    // As the voice-check worker accepts a fit sample.
    await rig.commands.avatar(avatarId, {
      type: 'AcceptVoiceSample',
      data: { sampleId, durationSec: 15.8, loudnessLufs: -20, speakerConsistency: 0.9 },
      metadata: as(voiceCheck),
    });
    return sampleId;
  }

  let interview = '';
  let sampleId = '';

  it('a recording uploaded before the voice sample is cut at pauses, untagged', async () => {
    interview = await rig.upload(
      avatarId,
      'conversation.wav',
      await readFile(audio('conversation.wav')),
      'audio',
      'audio/wav',
    );
    assert.deepEqual(await rig.waitUntilExtracted(avatarId, [interview]), []);
    const material = await recording(interview);
    assert.equal(material.speakers, null);
    const document = await documentAt(material.extraction.segmentsBlobKey ?? '');
    assert.equal(document.version, 2);
    assert.ok((document.sourceSegments?.length ?? 0) > 0, 'the recognizer’s own segments are kept for tagging');
    assert.ok(document.segments.every((segment) => segment.isPerson === undefined));
  });

  it('is tagged once the sample is accepted: recall ≥ 0.9 at precision ≥ 0.95 of the person’s speech by time', async () => {
    await rig.commands.avatar(avatarId, {
      type: 'RecordVoiceConsent',
      data: { basis: 'self', personName: 'Anna', consentGivenOn: '2026-01-01', statement: 'I agree' },
      metadata: as(ownerActor),
    });
    sampleId = await acceptSample('voice-sample-good.flac');
    const speakers = await taggedWith(interview, sampleId);
    assert.ok(speakers?.status === 'tagged');
    const document = await documentAt(speakers.segmentsBlobKey);
    const score = personTime(document.segments, await truth());
    assert.ok(score.recall >= 0.9, `recall ${score.recall}`);
    assert.ok(score.precision >= 0.95, `precision ${score.precision}`);
    assert.equal(document.speakers?.threshold, speakers.threshold);
    assert.ok(
      document.segments.every((s) => typeof s.isPerson === 'boolean' && typeof s.speakerSimilarity === 'number'),
    );
    assert.ok(speakers.personSpeechSec > 10 && speakers.otherSpeechSec > 5, JSON.stringify(speakers));
  });

  for (const [file, kind, type] of [
    ['conversation.mp3', 'audio', 'audio/mpeg'],
    ['conversation.mp4', 'video', 'video/mp4'],
  ] as const) {
    it(`tags a recording uploaded after the sample (${file}) just as well`, async () => {
      const materialId = await rig.upload(avatarId, file, await readFile(audio(file)), kind, type);
      assert.deepEqual(await rig.waitUntilExtracted(avatarId, [materialId]), []);
      const speakers = await taggedWith(materialId, sampleId);
      assert.ok(speakers?.status === 'tagged');
      const score = personTime((await documentAt(speakers.segmentsBlobKey)).segments, await truth());
      assert.ok(score.recall >= 0.9 && score.precision >= 0.95, JSON.stringify(score));
    });
  }

  it('training keeps only the person’s speech and says how much it used and dropped per recording', async () => {
    const runId = await rig.startTraining(avatarId);
    const { run } = await rig.finishedRun(avatarId, runId, 120_000);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    const stats =
      run.status === 'completed' ? (run.stats as { recordings: Record<string, unknown>[]; notes: string[] }) : null;
    const entry = stats?.recordings.find((r) => r.materialId === interview);
    assert.equal(entry?.taggedWith, sampleId);
    assert.equal(entry?.current, true);
    assert.ok((entry?.usedSpeechSec as number) > 10, JSON.stringify(entry));
    assert.ok((entry?.droppedSpeechSec as number) > 5, JSON.stringify(entry));
    assert.ok((entry?.droppedSegments as number) > 0);
    assert.deepEqual(
      stats?.notes.filter((note) => note.includes('not yet tagged')),
      [],
    );
  });

  it('is tagged again when another sample replaces the accepted one', async () => {
    const next = await acceptSample('voice-sample-good.flac');
    const speakers = await taggedWith(interview, next);
    assert.ok(speakers?.status === 'tagged');
    assert.equal((await documentAt(speakers.segmentsBlobKey)).speakers?.sampleId, next);
  });
});
