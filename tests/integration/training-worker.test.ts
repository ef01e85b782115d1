import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { extractedTextBlobKey } from '@bishop/domain';
import { loadPersonaEmbedder, openPersona, readPersonaSnapshot, trainerStages } from '@bishop/ml-workers';
import { waitFor } from '../src/async.ts';
import { generatedLecture, generatedTelegramExport } from '../src/training-corpus.ts';
import { openTrainingRig, type TrainingRig } from '../src/training-rig.ts';

const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

type Stats = {
  passages: number;
  pairs: number;
  heldOutPairs: number;
  retrieval: string;
  cache: { words: { hits: number; misses: number }; vectors: { hits: number; misses: number } | null };
  recomputedMaterialIds: string[];
  timingsMs: Record<string, number>;
  models: { embedder: { name: string; dims: number } | null };
};

/**
 * The train worker on the embedded stack (PGlite, relay, in-process bus,
 * filesystem blobs), fed by the real extraction worker: versions, held-out
 * determinism, the cache, stop, interruption and failure.
 */
describe('train worker', { concurrency: false }, () => {
  let rig: TrainingRig;
  before(async () => {
    rig = await openTrainingRig('train');
    rig.startTrainer();
  });
  after(() => rig?.close());

  /** An avatar with a Telegram export (the person chosen), a lecture and notes, all extracted. */
  async function avatarWithMaterials(order: 'forward' | 'reverse' = 'forward') {
    const avatarId = await rig.createAvatar('Анна');
    const files = [
      {
        name: 'result.json',
        bytes: utf8(generatedTelegramExport('Анна Петрова', 'Борис', 40)),
        kind: 'chatExport',
        type: 'application/json',
      },
      { name: 'lecture.txt', bytes: await fixture('documents/lecture-ru.utf8.txt'), kind: 'text', type: 'text/plain' },
      { name: 'notes.md', bytes: await fixture('documents/notes-en.md'), kind: 'text', type: 'text/markdown' },
    ] as const;
    const ids: string[] = [];
    for (const file of order === 'forward' ? files : [...files].reverse()) {
      ids.push(await rig.upload(avatarId, file.name, file.bytes, file.kind, file.type));
    }
    assert.deepEqual(await rig.waitUntilExtracted(avatarId, ids), []);
    const chatId = ids[order === 'forward' ? 0 : 2] ?? '';
    await rig.chooseParticipant(avatarId, chatId, 'Анна Петрова');
    return { avatarId, materialIds: ids };
  }

  it('builds persona version 1 through every stage, and it answers retrieval', async () => {
    const { avatarId } = await avatarWithMaterials();
    const runId = await rig.startTraining(avatarId, { holdOutShare: 0.25 });
    const { run, state } = await rig.finishedRun(avatarId, runId);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.ok(run.status === 'completed');
    assert.equal(run.personaVersion, 1);
    assert.equal(state.status === 'idle' && state.activePersonaVersion, 1);

    const events = await rig.runEvents(avatarId, runId);
    const stages = events.filter((e) => e.type === 'TrainingProgressed').map((e) => e.data.stage);
    assert.deepEqual(stages, [...trainerStages], 'each stage once, in order, and no "testing"');
    const stats = run.stats as unknown as Stats;
    assert.equal(stats.retrieval, 'hybrid');
    assert.equal(stats.models.embedder?.name, 'embed-tiny-random');
    assert.equal(stats.cache.words.misses, 3);
    assert.ok(stats.pairs + stats.heldOutPairs === 40, `40 exchanges mined: ${stats.pairs} + ${stats.heldOutPairs}`);
    assert.ok(stats.heldOutPairs > 0 && stats.heldOutPairs < 40);
    for (const stage of trainerStages) assert.equal(typeof stats.timingsMs[stage], 'number');

    const persona = await openPersona(rig.blobs, run.snapshotKey, { embedder: await loadPersonaEmbedder(rig.models) });
    assert.equal(persona.retrieval, 'hybrid');
    assert.equal(persona.heldOut.length, stats.heldOutPairs);
    const [hit] = await persona.knowledge('Маркони', 3);
    assert.match(hit?.item.text ?? '', /Маркони/, 'the rare name is found in the lecture');
    const exemplars = await persona.exemplars('Что прибор говорит про скорость звука?', 5);
    assert.ok(exemplars.length > 0);
    const heldOutIds = new Set(persona.heldOut.map((pair) => pair.id));
    assert.ok(exemplars.every((hit) => !heldOutIds.has(hit.item.id)));

    const progress = rig.signals.filter((signal) => signal.runId === runId);
    assert.ok(progress.length >= trainerStages.length, 'percent and ETA reached the bus');
    assert.deepEqual(
      progress.map((signal) => signal.percent),
      [...progress.map((signal) => signal.percent)].sort((a, b) => a - b),
      'percent only grows',
    );
  });

  it('holds out the same pairs whatever the order of materials', async () => {
    const first = await avatarWithMaterials('forward');
    const second = await avatarWithMaterials('reverse');
    const heldOut = async (avatarId: string) => {
      const runId = await rig.startTraining(avatarId, { holdOutShare: 0.25 });
      const { run } = await rig.finishedRun(avatarId, runId);
      assert.ok(run.status === 'completed');
      const snapshot = await readPersonaSnapshot(rig.blobs, run.snapshotKey);
      const ids = new Set(snapshot.heldOutPairIds);
      return snapshot.pairs
        .filter((pair) => ids.has(pair.id))
        .map((pair) => `${pair.prompt} → ${pair.reply}`)
        .sort();
    };
    const a = await heldOut(first.avatarId);
    assert.ok(a.length > 0);
    assert.deepEqual(await heldOut(second.avatarId), a);
  });

  it('keeps every pair held out once held out when a retrain has many more pairs', async () => {
    const avatarId = await rig.createAvatar('Анна');
    const chatOf = async (name: string, exchanges: number, seed: number) => {
      const bytes = utf8(generatedTelegramExport('Анна Петрова', 'Борис', exchanges, seed));
      const id = await rig.upload(avatarId, name, bytes, 'chatExport', 'application/json');
      assert.deepEqual(await rig.waitUntilExtracted(avatarId, [id]), []);
      await rig.chooseParticipant(avatarId, id, 'Анна Петрова');
    };
    const heldOut = async () => {
      const runId = await rig.startTraining(avatarId, { holdOutShare: 0.1 });
      const { run } = await rig.finishedRun(avatarId, runId);
      assert.ok(run.status === 'completed', JSON.stringify(run));
      const snapshot = await readPersonaSnapshot(rig.blobs, run.snapshotKey);
      const ids = new Set(snapshot.heldOutPairIds);
      const texts = snapshot.pairs.filter((pair) => ids.has(pair.id)).map((pair) => `${pair.prompt} → ${pair.reply}`);
      return { texts, stats: run.stats as unknown as Stats & { heldOutKeptFromEarlier: number } };
    };
    // 20 pairs: the 10 % draw alone holds out about 2, so the minimum of 5 adds pairs of its own.
    await chatOf('small.json', 20, 1);
    const first = await heldOut();
    assert.ok(first.texts.length >= 5, `${first.texts.length} held out of 20`);
    // 220 pairs: the draw alone now holds out more than 5, yet the pairs added for the minimum stay held out.
    await chatOf('large.json', 200, 2);
    const second = await heldOut();
    for (const text of first.texts) assert.ok(second.texts.includes(text), `still held out: ${text}`);
    assert.equal(second.stats.heldOutKeptFromEarlier, first.texts.length);
    assert.ok(second.texts.length > first.texts.length);
  });

  it('retrains after one more material reusing the cache for the others', async () => {
    const { avatarId } = await avatarWithMaterials();
    const firstRun = await rig.startTraining(avatarId);
    assert.equal((await rig.finishedRun(avatarId, firstRun)).run.status, 'completed');
    const added = await rig.upload(avatarId, 'lecture-2.txt', utf8(generatedLecture(7, 12)), 'text', 'text/plain');
    await rig.waitUntilExtracted(avatarId, [added]);
    const secondRun = await rig.startTraining(avatarId);
    const { run, state } = await rig.finishedRun(avatarId, secondRun);
    assert.ok(run.status === 'completed');
    assert.equal(run.personaVersion, 2);
    assert.equal(state.status === 'idle' && state.activePersonaVersion, 2);
    const stats = run.stats as unknown as Stats;
    assert.deepEqual(stats.cache.words, { hits: 3, misses: 1 });
    assert.deepEqual(stats.cache.vectors, { hits: 3, misses: 1 });
    assert.deepEqual(stats.recomputedMaterialIds, [added]);
  });

  it('trains another avatar meanwhile, and honours a stop within seconds without completing the stopped run', async () => {
    const avatarId = await rig.createAvatar('Большой корпус');
    const big = await rig.upload(avatarId, 'big.txt', utf8(generatedLecture(1, 1500)), 'text', 'text/plain');
    const small = await avatarWithMaterials();
    await rig.waitUntilExtracted(avatarId, [big]);
    // One passage per paragraph and per call of the encoder: long enough to act in the middle.
    const runId = await rig.startTraining(avatarId, {
      embeddingBatchSize: 1,
      targetPassageChars: 50,
      maxPassageChars: 200,
    });
    await rig.waitForSignal((signal) => signal.runId === runId && signal.stage === 'embedding');

    // Another avatar (another user's, as far as the worker knows) is not blocked by the long run.
    const smallRun = await rig.startTraining(small.avatarId);
    assert.equal((await rig.finishedRun(small.avatarId, smallRun)).run.status, 'completed');
    assert.equal((await rig.stateOf(avatarId)).status, 'training', 'the big run was still going');

    await rig.stopTraining(avatarId, runId);
    const stoppedAt = Date.now();
    const { run, state } = await rig.finishedRun(avatarId, runId);
    assert.equal(run.status, 'stopped');
    assert.equal(state.status === 'idle' && state.activePersonaVersion, null);
    const [trainer] = rig.trainers();
    await waitFor(() => trainer?.running === 0, 5000);
    const letGoAfterMs = Date.now() - stoppedAt;
    assert.ok(letGoAfterMs < 5000, `the worker let go ${letGoAfterMs} ms after the stop`);
    const beyondEmbedding = rig.signals.filter((s) => s.runId === runId && s.stage !== 'embedding' && s.percent >= 75);
    assert.deepEqual(beyondEmbedding, [], 'it never went past embedding');
    const events = (await rig.runEvents(avatarId, runId)).map((e) => e.type);
    assert.equal(events.at(-1), 'TrainingStopped');
    assert.ok(!events.includes('TrainingCompleted'));
  });

  it('hands a run interrupted mid-way to the next worker, which completes it from the cache', async () => {
    const avatarId = await rig.createAvatar('Прерванный');
    const ids = [
      await rig.upload(avatarId, 'a.txt', utf8(generatedLecture(2, 600)), 'text', 'text/plain'),
      await rig.upload(avatarId, 'b.txt', utf8(generatedLecture(3, 600)), 'text', 'text/plain'),
    ];
    await rig.waitUntilExtracted(avatarId, ids);
    const dedicated = await isolatedTrainer();
    const first = dedicated.start({ drainTimeoutMs: 0 });
    const runId = await rig.startTraining(avatarId, {
      embeddingBatchSize: 1,
      targetPassageChars: 50,
      maxPassageChars: 200,
    });
    await rig.waitForSignal((signal) => signal.runId === runId && signal.stage === 'embedding');
    await dedicated.stop(first); // as if the process died: the job goes back to the bus unfinished
    dedicated.start();
    const { run } = await rig.finishedRun(avatarId, runId, 120_000);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    const stats = (run.status === 'completed' ? run.stats : {}) as unknown as Stats;
    assert.deepEqual(stats.cache.words, { hits: 2, misses: 0 }, 'the passages of the first attempt were reused');
    await dedicated.restore();
  });

  it('fails a run interrupted more often than its deliveries allow, with a reason, leaving the version active', async () => {
    const { avatarId } = await avatarWithMaterials();
    const good = await rig.startTraining(avatarId);
    assert.equal((await rig.finishedRun(avatarId, good)).run.status, 'completed');
    const big = await rig.upload(avatarId, 'big.txt', utf8(generatedLecture(4, 800)), 'text', 'text/plain');
    await rig.waitUntilExtracted(avatarId, [big]);
    const dedicated = await isolatedTrainer();
    const first = dedicated.start({ drainTimeoutMs: 0, maxDeliver: 1 });
    const runId = await rig.startTraining(avatarId, {
      embeddingBatchSize: 1,
      targetPassageChars: 50,
      maxPassageChars: 200,
    });
    await rig.waitForSignal((signal) => signal.runId === runId && signal.stage === 'embedding');
    await dedicated.stop(first);
    dedicated.start({ maxDeliver: 1 });
    const { run, state } = await rig.finishedRun(avatarId, runId);
    assert.equal(run.status, 'failed');
    assert.ok(run.status === 'failed');
    assert.equal(run.reasonCode, 'INTERRUPTED');
    assert.match(run.reason, /interrupted 1 times? before it could finish/);
    assert.equal(state.status === 'idle' && state.activePersonaVersion, 1, 'version 1 stays active');
    await dedicated.restore();
  });

  it('fails with a readable reason when a material cannot be read, leaving the version active', async () => {
    const { avatarId } = await avatarWithMaterials();
    const good = await rig.startTraining(avatarId);
    assert.equal((await rig.finishedRun(avatarId, good)).run.status, 'completed');
    const broken = await rig.upload(avatarId, 'broken.txt', utf8(generatedLecture(5, 5)), 'text', 'text/plain');
    await rig.waitUntilExtracted(avatarId, [broken]);
    await rig.blobs.delete(extractedTextBlobKey(avatarId, broken));
    const runId = await rig.startTraining(avatarId);
    const { run, state } = await rig.finishedRun(avatarId, runId);
    assert.ok(run.status === 'failed');
    assert.equal(run.reasonCode, 'MATERIAL_UNREADABLE');
    assert.match(run.reason, /"broken\.txt" is missing or damaged/);
    assert.equal(state.status === 'idle' && state.activePersonaVersion, 1);
  });

  it('refuses unknown or out-of-range settings with a clear reason', async () => {
    const { avatarId } = await avatarWithMaterials();
    const runId = await rig.startTraining(avatarId, { holdOutShare: 2, speed: 1 });
    const { run } = await rig.finishedRun(avatarId, runId);
    assert.ok(run.status === 'failed');
    assert.equal(run.reasonCode, 'INVALID_SETTINGS');
    assert.match(run.reason, /"speed" is not a training setting/);
    assert.match(run.reason, /"holdOutShare" must be a number from 0 to 0.5 \(got 2\)/);
  });

  /**
   * Trainers of their own for the interruption tests: the shared trainer is
   * stopped meanwhile, so the job can only go to these.
   */
  async function isolatedTrainer() {
    const shared = [...sharedTrainers()];
    for (const trainer of shared) await rig.stopTrainer(trainer);
    const mine = new Set<ReturnType<TrainingRig['startTrainer']>>();
    return {
      start(options: Parameters<TrainingRig['startTrainer']>[0] = {}) {
        const trainer = rig.startTrainer({ ackWaitMs: 2000, ...options });
        mine.add(trainer);
        return trainer;
      },
      async stop(trainer: ReturnType<TrainingRig['startTrainer']>) {
        mine.delete(trainer);
        await rig.stopTrainer(trainer);
      },
      async restore() {
        for (const trainer of mine) await rig.stopTrainer(trainer);
        rig.startTrainer();
      },
    };
  }

  function sharedTrainers() {
    return rig.trainers();
  }
});
