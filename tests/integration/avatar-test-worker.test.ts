import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { voiceSampleBlobKey } from '@bishop/domain';
import { type ReplySettings, type RunningWorker, startTestWorker } from '@bishop/ml-workers';
import { createTtsEngines } from '@bishop/ml-workers/tts';
import { testDatabaseUrl } from '../src/test-env.ts';
import { openTrainingRig, type TrainingRig } from '../src/training-rig.ts';
import { startTtsHttpProcess } from '../src/tts-http-process.ts';

const run = promisify(execFile);
const dialogue = () => readFile(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));

/** Auto mode, as `bishop start` runs it: the test LLM is installed, so LLM replies are measured and marked. */
const replies: ReplySettings = {
  mode: 'auto',
  remote: undefined,
  maxContextTokens: 2048,
  maxNewTokens: 24,
  temperature: 0,
  timeoutMs: 60_000,
};

/**
 * The test worker on the embedded stack, after the real extraction and train
 * workers: a report per completed run, between floor and ceiling, compared
 * with the version that was active; test-model figures are marked.
 */
describe('avatar test worker', { concurrency: false }, () => {
  let rig: TrainingRig;
  let tester: RunningWorker;
  before(async () => {
    rig = await openTrainingRig('avatar-test', { databaseUrl: testDatabaseUrl });
    rig.startTrainer();
    tester = startTestWorker({
      bus: rig.bus,
      commands: rig.commands,
      blobs: rig.blobs,
      eventStore: rig.eventStore,
      models: rig.models,
      replies,
      tts: createTtsEngines({ models: rig.models, engines: ['vits', 'espeak'], espeakProgram: 'espeak-ng' }),
      espeakProgram: 'espeak-ng',
      decrypt: async (event) => event,
      maxPairs: 12,
      logger: { info() {}, warn() {}, error: (fields, message) => console.error(message, fields) },
    });
  });
  after(async () => {
    await tester?.stop();
    await rig?.close();
  });

  const reportOf = (avatarId: string, runId: string) => rig.testReportOf(avatarId, runId);

  it('reports each run between floor and ceiling, and compares a retrain with the version that was active', async () => {
    const avatarId = await rig.createAvatar('Марина');
    const chat = await rig.upload(
      avatarId,
      'WhatsApp Chat - Марина Соколова.txt',
      await dialogue(),
      'chatExport',
      'text/plain',
    );
    assert.deepEqual(await rig.waitUntilExtracted(avatarId, [chat]), []);
    await rig.chooseParticipant(avatarId, chat, 'Марина Соколова');

    const first = await rig.startTraining(avatarId, { holdOutShare: 0.15 });
    assert.equal((await rig.finishedRun(avatarId, first)).run.status, 'completed');
    const report = await reportOf(avatarId, first);
    assert.equal(report.personaVersion, 1);
    assert.equal(report.floor, 'otherParticipants');
    assert.equal(report.headline, 'retrieval', 'the test LLM has random weights: retrieval decides');
    assert.ok(report.pairsTested >= 8, `${report.pairsTested} pairs`);
    const figure = (metric: string, source: string | null) =>
      report.metrics.find((m) => m.metric === metric && m.replies === source);
    for (const metric of ['styleSimilarity', 'authorship']) {
      const measured = figure(metric, 'retrieval');
      assert.equal(measured?.status, 'measured', JSON.stringify(measured));
      assert.equal(measured?.quality, 'meaningful');
      assert.ok((measured?.ci95?.[0] ?? 0) > 0, `${metric}: ${JSON.stringify(measured)}`);
    }
    const embedding = figure('embeddingSimilarity', 'retrieval');
    assert.equal(embedding?.quality, 'testModel');
    assert.equal(embedding?.qualityNote, 'measured with a test model (not meaningful)');
    // The LLM replies were made by llm-tiny-random: measured, and said to be meaningless.
    for (const metric of ['styleSimilarity', 'authorship', 'embeddingSimilarity']) {
      const llm = figure(metric, 'llm');
      assert.equal(llm?.quality, 'testModel', JSON.stringify(llm));
      assert.ok(llm?.models.includes('llm-tiny-random'));
    }
    // Voice: no sample, so no speaker similarity; intelligibility of the generic dubs with the test Whisper.
    assert.equal(figure('speakerSimilarity', null)?.reason, 'not measured (no voice sample)');
    const intelligibility = figure('intelligibility', null);
    assert.equal(intelligibility?.status, 'measured', JSON.stringify(intelligibility));
    assert.equal(intelligibility?.quality, 'testModel');
    assert.equal(report.comparedWith, null);
    assert.equal(report.worse, false);
    assert.equal(report.verdict, 'better');
    assert.ok((report.overall?.ci95[0] ?? 0) > 0, JSON.stringify(report.overall));
    assert.ok(report.examples.length > 0 && report.examples[0]?.real);

    // A retrain on the same material: compared with version 1 on the same held-out pairs, not worse.
    const second = await rig.startTraining(avatarId, { holdOutShare: 0.15 });
    assert.equal((await rig.finishedRun(avatarId, second)).run.status, 'completed');
    const retrained = await reportOf(avatarId, second);
    assert.equal(retrained.personaVersion, 2);
    assert.equal(retrained.comparedWith?.personaVersion, 1);
    assert.equal(retrained.comparedWith?.reportedOverall, report.overall?.newVersion);
    assert.equal(retrained.comparedWith?.lift, 0, 'the same material answers the same');
    assert.equal(retrained.worse, false);
    assert.equal(retrained.verdict, 'unclear');
  });

  it('dubs held-out replies in the cloned voice (consent and an accepted sample) and scores them against the sample', async () => {
    const server = await startTtsHttpProcess();
    const cloningTester = startTestWorker({
      bus: rig.bus,
      commands: rig.commands,
      blobs: rig.blobs,
      eventStore: rig.eventStore,
      models: rig.models,
      replies: { ...replies, mode: 'retrieval' },
      tts: createTtsEngines({
        models: rig.models,
        engines: ['http'],
        http: { url: `${server.url}/tts`, timeoutSec: 30 },
        espeakProgram: 'espeak-ng',
      }),
      espeakProgram: 'espeak-ng',
      decrypt: async (event) => event,
      maxPairs: 6,
    });
    await tester.stop();
    try {
      const avatarId = await rig.createAvatar('Марина с голосом');
      const chat = await rig.upload(
        avatarId,
        'WhatsApp Chat - Марина Соколова.txt',
        await dialogue(),
        'chatExport',
        'text/plain',
      );
      assert.deepEqual(await rig.waitUntilExtracted(avatarId, [chat]), []);
      await rig.chooseParticipant(avatarId, chat, 'Марина Соколова');
      // The voice: consent, then a checked sample (espeak-ng speech), as the voice-check worker would accept it.
      const user = { kind: 'user' as const, userId: rig.userId };
      const meta = (actor: typeof user | { kind: 'system'; service: string }) => ({
        commandId: randomUUID(),
        actor,
        now: new Date().toISOString(),
      });
      await rig.commands.avatar(avatarId, {
        type: 'RecordVoiceConsent',
        data: { basis: 'self', personName: 'Марина', consentGivenOn: '2026-01-01', statement: 'Это мой голос.' },
        metadata: meta(user),
      });
      const sampleId = randomUUID();
      const wav = join(tmpdir(), `sample-${sampleId}.wav`);
      await run('espeak-ng', [
        '-v',
        'ru',
        '-s',
        '120',
        '-w',
        wav,
        'Привет, это Марина. Я записываю образец голоса для аватара.',
      ]);
      const blobKey = voiceSampleBlobKey(avatarId, sampleId);
      await rig.blobs.put(blobKey, await readFile(wav), { contentType: 'audio/wav' });
      await rm(wav);
      await rig.commands.avatar(avatarId, {
        type: 'SubmitVoiceSample',
        data: { sampleId, blobKey, source: { kind: 'upload', fileName: 'sample.wav' } },
        metadata: meta(user),
      });
      await rig.commands.avatar(avatarId, {
        type: 'AcceptVoiceSample',
        data: { sampleId, durationSec: 6, loudnessLufs: -20, speakerConsistency: 0.9 },
        metadata: meta({ kind: 'system', service: 'voice-check' }),
      });

      const runId = await rig.startTraining(avatarId, { holdOutShare: 0.15 });
      assert.equal((await rig.finishedRun(avatarId, runId)).run.status, 'completed');
      const report = await reportOf(avatarId, runId);
      const speaker = report.metrics.find((m) => m.metric === 'speakerSimilarity');
      assert.equal(speaker?.status, 'measured', JSON.stringify(speaker));
      assert.equal(speaker?.reason, null, 'the http engine clones');
      assert.equal(speaker?.quality, 'testModel', 'speaker-procedural is not a catalogued model');
      assert.ok(speaker?.models.some((model) => model.startsWith('http:')));
      assert.ok((speaker?.scale?.ceiling ?? 0) > 0.5, JSON.stringify(speaker?.scale));
      // Each held-out reply was spoken twice: with the sample (cloned) and without (the baseline).
      const requests = await server.requests();
      assert.ok(requests.some((r) => r.speakerBytes > 0 && r.speakerFormat === 'wav'));
      assert.ok(requests.some((r) => r.speakerBytes === 0));
      assert.equal(report.metrics.find((m) => m.metric === 'intelligibility')?.status, 'measured');
      // Replies in retrieval mode by choice: the LLM figures say so.
      assert.match(report.metrics.find((m) => m.replies === 'llm')?.reason ?? '', /retrieval responder by choice/);
    } finally {
      await cloningTester.stop();
      await server.stop();
    }
  });
});
