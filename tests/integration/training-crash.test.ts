import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eventually } from '../src/async.ts';
import { testDatabaseUrl } from '../src/test-env.ts';
import { generatedLecture } from '../src/training-corpus.ts';
import { openTrainingRig, type TrainingRig } from '../src/training-rig.ts';

const ACK_WAIT_MS = 2000;
const workerScript = fileURLToPath(new URL('./train-worker-process.ts', import.meta.url));

/**
 * A train worker process killed (SIGKILL) in the middle of a run: it sends no
 * more heartbeats, so after the ack wait the bus hands the run to the next
 * worker, which completes it from what the first one cached.
 */
describe('training survives a killed worker process', () => {
  let rig: TrainingRig;
  let child: ChildProcess | undefined;
  before(async () => {
    rig = await openTrainingRig('train_crash', { databaseUrl: testDatabaseUrl });
  });
  after(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rig?.close();
  });

  async function startWorkerProcess(): Promise<ChildProcess> {
    const { databaseUrl, schema, blobRoot } = rig.location;
    const process_ = spawn(process.execPath, [workerScript], {
      env: {
        ...process.env,
        RIG_DATABASE_URL: databaseUrl ?? '',
        RIG_SCHEMA: schema,
        RIG_BLOB_ROOT: blobRoot,
        RIG_ACK_WAIT_MS: String(ACK_WAIT_MS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      process_.stdout?.on('data', (chunk) => {
        if (String(chunk).includes('train worker ready')) resolve();
      });
      process_.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
    });
    return process_;
  }

  it('hands the run of a killed worker to the next one after the ack wait, reusing its cache', async () => {
    const avatarId = await rig.createAvatar('Упавший');
    const encode = (text: string) => new TextEncoder().encode(text);
    const ids = [
      await rig.upload(avatarId, 'a.txt', encode(generatedLecture(11, 700)), 'text', 'text/plain'),
      await rig.upload(avatarId, 'b.txt', encode(generatedLecture(12, 700)), 'text', 'text/plain'),
    ];
    await rig.waitUntilExtracted(avatarId, ids);
    child = await startWorkerProcess();
    const runId = await rig.startTraining(avatarId, {
      embeddingBatchSize: 1,
      targetPassageChars: 50,
      maxPassageChars: 200,
    });
    await eventually(
      async () => {
        const events = await rig.runEvents(avatarId, runId);
        return events.some((e) => e.type === 'TrainingProgressed' && e.data.stage === 'embedding');
      },
      60_000,
      20,
    );
    child.kill('SIGKILL');
    await once(child, 'exit');
    const killedAt = Date.now();

    rig.startTrainer({ ackWaitMs: ACK_WAIT_MS });
    const { run } = await rig.finishedRun(avatarId, runId, 120_000);
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.ok(Date.now() - killedAt >= ACK_WAIT_MS - 200, 'the run waited for the ack wait, not less');
    const stats = (run.status === 'completed' ? run.stats : {}) as { cache?: { words?: unknown } };
    assert.deepEqual(stats.cache?.words, { hits: 2, misses: 0 }, 'the killed worker’s passages were reused');
    const stages = (await rig.runEvents(avatarId, runId))
      .filter((e) => e.type === 'TrainingProgressed')
      .map((e) => e.data.stage);
    assert.equal(new Set(stages).size, stages.length, 'the rerun recorded no stage twice');
  });
});
