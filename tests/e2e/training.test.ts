import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { generatedLecture } from '../src/training-corpus.ts';

const run = promisify(execFile);
const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url));

const RUN_FIELDS = 'id status stage percent etaSeconds personaVersion stats failure { code reason }';

/**
 * Training over the real API of `bishop start` (test models): a Telegram
 * export, a lecture and a recording → startTraining → stages live on
 * trainingChanged → version 1; stop mid-run; a failed run keeps version 1;
 * a retrain after one more material reuses the cache.
 */
describe('training end to end (bishop start with the test models)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let avatarId: string;

  before(async () => {
    dataDir = await temporaryDirectory('train-e2e');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    gql = graphqlOverHttp(bishop.url);
    const signUp = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email: 'anna@example.org', fullName: 'Анна Петрова', password: 'long enough password' },
    });
    token = signUp.data?.signUp.accessToken;
    avatarId = await newAvatar('Анна');
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  async function newAvatar(name: string): Promise<string> {
    const created = await gql('mutation($n: String!) { createAvatar(name: $n) { avatarId } }', { n: name }, { token });
    return created.data?.createAvatar.avatarId;
  }

  async function upload(avatar: string, files: { name: string; bytes: Uint8Array }[]) {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${bishop.url}/api/avatars/${avatar}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const { results } = (await response.json()) as { results: { materialId: string; fileName: string }[] };
    const ids = Object.fromEntries(results.map((r) => [r.fileName, r.materialId]));
    await eventually(async () => {
      const read = await gql('query($a: ID!) { avatar(id: $a) { materials { id state } } }', { a: avatar }, { token });
      const materials: { id: string; state: string }[] = read.data?.avatar.materials ?? [];
      return results.every((r) => materials.some((m) => m.id === r.materialId && m.state === 'READY'));
    }, 90_000);
    return ids;
  }

  async function startTraining(avatar: string, settings: Record<string, number> = {}) {
    const started = await gql(
      'mutation($a: ID!, $s: JSON) { startTraining(avatarId: $a, settings: $s) { runId } }',
      { a: avatar, s: settings },
      { token },
    );
    assert.deepEqual(started.errors, undefined);
    return started.data?.startTraining.runId as string;
  }

  async function runOf(avatar: string, runId: string) {
    const read = await gql(
      `query($a: ID!) { avatar(id: $a) { activePersonaVersion trainingRuns { nodes { ${RUN_FIELDS} } } } }`,
      { a: avatar },
      { token },
    );
    const runs: any[] = read.data?.avatar.trainingRuns.nodes ?? [];
    return { run: runs.find((r) => r.id === runId), activePersonaVersion: read.data?.avatar.activePersonaVersion };
  }

  function watchTraining(avatar: string) {
    const ws = graphqlOverWebSocket(bishop.url, token);
    const connected = new Promise((resolve) => ws.on('connected', resolve));
    const changes = subscribe(ws, `subscription($a: ID!) { trainingChanged(avatarId: $a) { run { ${RUN_FIELDS} } } }`, {
      a: avatar,
    });
    return {
      changes,
      ready: connected.then(() => new Promise((resolve) => setTimeout(resolve, 300))),
      async close() {
        changes.stop();
        await ws.dispose();
      },
    };
  }

  it('trains version 1 from a Telegram export, a lecture and a recording, stages streaming live', async () => {
    const speech = join(dataDir.path, 'interview.wav');
    await run('espeak-ng', ['-v', 'ru', '-w', speech, 'Сегодня я расскажу, как Попов показал свой грозоотметчик.']);
    const ids = await upload(avatarId, [
      { name: 'result.json', bytes: await fixture('chat-exports/telegram/personal-chat.json') },
      { name: 'lecture.txt', bytes: await fixture('documents/lecture-ru.utf8.txt') },
      { name: 'interview.wav', bytes: await readFile(speech) },
    ]);
    const refused = await gql(
      'mutation($a: ID!) { startTraining(avatarId: $a) { runId } }',
      { a: avatarId },
      { token },
    );
    assert.equal(refused.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_INVALID_STATE');
    assert.match(refused.errors?.[0]?.message ?? '', /Choose which participant of "result.json" is the person/);
    const chosen = await gql(
      'mutation($a: ID!, $m: ID!, $p: String!) { chooseChatParticipant(avatarId: $a, materialId: $m, participant: $p) { position } }',
      { a: avatarId, m: ids['result.json'], p: 'Анна Петрова' },
      { token },
    );
    assert.deepEqual(chosen.errors, undefined);

    const watch = watchTraining(avatarId);
    await watch.ready;
    const runId = await startTraining(avatarId);
    const seen = await watch.changes.until(
      (results) =>
        results.some((r) => r.trainingChanged.run.id === runId && r.trainingChanged.run.status === 'COMPLETED'),
      90_000,
    );
    await watch.close();
    // A page that loaded while the run went on and subscribes only now still learns that it completed.
    const late = watchTraining(avatarId);
    const [now] = await late.changes.until((results) => results.length > 0, 5_000);
    await late.close();
    assert.deepEqual([now?.trainingChanged.run.id, now?.trainingChanged.run.status], [runId, 'COMPLETED']);
    const runs = seen.map((r) => r.trainingChanged.run).filter((r) => r.id === runId);
    const stages = [...new Set(runs.map((r) => r.stage).filter(Boolean))];
    assert.deepEqual(
      stages,
      ['collecting', 'cleaning', 'pairing', 'embedding', 'indexing', 'profiling', 'snapshotting'],
      'every stage showed, in order',
    );
    const completed = runs.at(-1);
    assert.equal(completed.status, 'COMPLETED');
    assert.equal(completed.personaVersion, 1);
    assert.equal(completed.percent, 100);
    assert.equal(completed.stats.retrieval, 'hybrid');
    assert.ok(completed.stats.passages > 0);
    assert.ok(completed.stats.pairs + completed.stats.heldOutPairs >= 2, 'dialogue pairs mined from the export');
    assert.deepEqual(completed.stats.cache.words, { hits: 0, misses: 3 });
    const { activePersonaVersion } = await runOf(avatarId, runId);
    assert.equal(activePersonaVersion, 1);
  });

  it('stops a run in the middle: STOPPED, no version, and the live percent moved within the stage', async () => {
    const big = await newAvatar('Большой корпус');
    await upload(big, [{ name: 'big.txt', bytes: new TextEncoder().encode(generatedLecture(1, 1500)) }]);
    const watch = watchTraining(big);
    await watch.ready;
    const runId = await startTraining(big, { embeddingBatchSize: 1, targetPassageChars: 50, maxPassageChars: 200 });
    const embeddingAt = (r: any) => r.trainingChanged.run.stage === 'embedding';
    // Stage changes start embedding at 25 %; anything between came from the worker's live signals.
    await watch.changes.until(
      (results) => results.some((r) => embeddingAt(r) && r.trainingChanged.run.percent > 27),
      60_000,
    );
    const stopped = await gql(
      'mutation($a: ID!, $r: ID!) { stopTraining(avatarId: $a, runId: $r) { position } }',
      { a: big, r: runId },
      { token },
    );
    assert.deepEqual(stopped.errors, undefined);
    await watch.changes.until((results) => results.some((r) => r.trainingChanged.run.status === 'STOPPED'), 10_000);
    const live = watch.changes.results
      .map((r) => r.trainingChanged.run)
      .find((r) => r.stage === 'embedding' && r.percent > 25);
    assert.ok(live.etaSeconds === null || live.etaSeconds >= 0, 'an ETA came with the percent');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await watch.close();
    const { run: after, activePersonaVersion } = await runOf(big, runId);
    assert.equal(after.status, 'STOPPED');
    assert.equal(after.personaVersion, null);
    assert.equal(activePersonaVersion, null);
  });

  it('a failing run says why and leaves version 1 active', async () => {
    const runId = await startTraining(avatarId, { holdOutShare: 2 });
    await eventually(async () => (await runOf(avatarId, runId)).run?.status === 'FAILED', 30_000);
    const { run: failed, activePersonaVersion } = await runOf(avatarId, runId);
    assert.equal(failed.failure.code, 'INVALID_SETTINGS');
    assert.match(failed.failure.reason, /"holdOutShare" must be a number from 0 to 0.5/);
    assert.equal(activePersonaVersion, 1);
  });

  it('retrains after one more material, recomputing only that material', async () => {
    const ids = await upload(avatarId, [{ name: 'notes.md', bytes: await fixture('documents/notes-en.md') }]);
    const runId = await startTraining(avatarId);
    await eventually(async () => (await runOf(avatarId, runId)).run?.status === 'COMPLETED', 60_000);
    const { run: completed, activePersonaVersion } = await runOf(avatarId, runId);
    assert.equal(completed.personaVersion, 2);
    assert.equal(activePersonaVersion, 2);
    assert.deepEqual(completed.stats.cache.words, { hits: 3, misses: 1 });
    assert.deepEqual(completed.stats.cache.vectors, { hits: 3, misses: 1 });
    assert.deepEqual(completed.stats.recomputedMaterialIds, [ids['notes.md']]);
  });
});
