import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { eventually, sleep } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const run = promisify(execFile);
const dialogue = () => readFile(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));

const METRIC = `metric replies measured reason onScale newVersion baseline rawNewVersion rawBaseline
  newVersionOutside { belowFloor aboveCeiling } baselineOutside { belowFloor aboveCeiling }
  lift liftLow liftHigh n quality qualityNote unit floor ceiling models`;
const REPORT = `runId personaVersion status startedAt verdict verdictAgainst scoresCapped worse headline heldOutPairs pairsTested notes
  overall { replies metrics newVersion baseline rawNewVersion rawBaseline lift liftLow liftHigh n }
  metrics { ${METRIC} }
  comparedWith { personaVersion overall lift liftLow liftHigh reportedOverall }
  examples { message real newVersion baseline }`;

/**
 * The avatar test end to end against `bishop start` with the test models but
 * no LLM (its model is not installed, so the retrieval responder answers):
 * train on a two-person chat → AvatarTested → the report is queryable; the
 * trained version beats the untrained baseline on authorship with a CI above
 * zero, and LLM figures say "not measured (model … missing)".
 */
describe('avatar test end to end (bishop start, test models, no LLM)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let avatarId: string;

  before(async () => {
    dataDir = await temporaryDirectory('avatar-test-e2e');
    bishop = await startBishopProcess({
      BISHOP_DATA_DIR: dataDir.path,
      ...testModelEnvironment(),
      BISHOP_LLM_MODEL: 'llm-not-installed',
    });
    gql = graphqlOverHttp(bishop.url);
    const signUp = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email: 'marina@example.org', fullName: 'Марина Соколова', password: 'long enough password' },
    });
    token = signUp.data?.signUp.accessToken;
    const created = await gql('mutation { createAvatar(name: "Марина") { avatarId } }', {}, { token });
    avatarId = created.data?.createAvatar.avatarId;
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  async function uploadDialogue(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([await dialogue()]), 'WhatsApp Chat - Марина Соколова.txt');
    const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const { results } = (await response.json()) as { results: { materialId: string }[] };
    const materialId = results[0]?.materialId as string;
    await eventually(async () => {
      const read = await gql(
        'query($a: ID!) { avatar(id: $a) { materials { id state } } }',
        { a: avatarId },
        { token },
      );
      return read.data?.avatar.materials.some(
        (m: { id: string; state: string }) => m.id === materialId && m.state === 'READY',
      );
    }, 60_000);
    return materialId;
  }

  async function addVoiceSample() {
    const consent = await gql(
      'mutation($a: ID!, $c: VoiceConsentInput!) { recordVoiceConsent(avatarId: $a, consent: $c) { position } }',
      {
        a: avatarId,
        c: { basis: 'SELF', personName: 'Марина Соколова', consentGivenOn: '2026-01-01', statement: 'Это мой голос.' },
      },
      { token },
    );
    assert.equal(consent.errors, undefined, JSON.stringify(consent.errors));
    const sample = join(dataDir.path, 'sample.wav');
    const words = 'Привет, это Марина. Я записываю этот образец голоса, чтобы аватар говорил моим голосом, как я.';
    await run('espeak-ng', ['-v', 'ru', '-s', '120', '-w', sample, words]);
    const form = new FormData();
    form.append('file', new Blob([await readFile(sample)]), 'sample.wav');
    const upload = await fetch(`${bishop.url}/api/avatars/${avatarId}/voice-sample`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.ok(upload.ok, await upload.text());
    let state: string | undefined;
    const deadline = Date.now() + 60_000;
    while (state !== 'READY' && state !== 'REJECTED' && Date.now() < deadline) {
      await sleep(200);
      const read = await gql(
        'query($a: ID!) { avatar(id: $a) { voice { sample { state } } } }',
        { a: avatarId },
        { token },
      );
      state = read.data?.avatar.voice.sample?.state;
    }
    assert.equal(state, 'READY', 'the voice check accepted the sample');
  }

  async function trainAndReport(): Promise<{ runId: string; report: any }> {
    const started = await gql(
      'mutation($a: ID!) { startTraining(avatarId: $a) { runId } }',
      { a: avatarId },
      { token },
    );
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const runId = started.data?.startTraining.runId as string;
    let report: any;
    await eventually(async () => {
      const read = await gql(
        `query($a: ID!) { avatar(id: $a) { trainingRuns { nodes { id status failure { reason } testReport { ${REPORT} } } } } }`,
        { a: avatarId },
        { token },
      );
      assert.equal(read.errors, undefined, JSON.stringify(read.errors));
      const found = read.data?.avatar.trainingRuns.nodes.find((r: { id: string }) => r.id === runId);
      assert.notEqual(found?.status, 'FAILED', JSON.stringify(found?.failure));
      report = found?.testReport;
      // A test that started shows as RUNNING first; its report is done when AvatarTested lands.
      return report?.status === 'DONE';
    }, 180_000);
    return { runId, report };
  }

  const metricOf = (report: any, metric: string, replies: string | null) =>
    report.metrics.find((m: any) => m.metric === metric && m.replies === replies);

  it('tests a trained version: above the untrained baseline on authorship, LLM figures not measured', async () => {
    const chat = await uploadDialogue();
    const chosen = await gql(
      'mutation($a: ID!, $m: ID!, $p: String!) { chooseChatParticipant(avatarId: $a, materialId: $m, participant: $p) { position } }',
      { a: avatarId, m: chat, p: 'Марина Соколова' },
      { token },
    );
    assert.equal(chosen.errors, undefined, JSON.stringify(chosen.errors));
    await addVoiceSample();
    // The test shows as running, with its step and percent, before its report lands.
    const ws = graphqlOverWebSocket(bishop.url, token);
    const changes = subscribe(
      ws,
      `subscription($a: ID!) { testChanged(avatarId: $a) { report { runId status verdict } progress { step percent } } }`,
      { a: avatarId },
    );
    const { runId, report } = await trainAndReport();
    const seen = (
      await changes.until((results) =>
        results.some((r: any) => r.testChanged.report.runId === runId && r.testChanged.report.status === 'DONE'),
      )
    ).map((r: any) => r.testChanged);
    changes.stop();
    // A page that loaded while the test ran and subscribes only now still learns that its report landed.
    const late = subscribe(ws, `subscription($a: ID!) { testChanged(avatarId: $a) { report { runId status } } }`, {
      a: avatarId,
    });
    const [now] = await late.until((results) => results.length > 0, 5_000);
    late.stop();
    await ws.dispose();
    assert.deepEqual(now?.testChanged.report, { runId, status: 'DONE' });
    const running = seen.filter((change: any) => change.report.status === 'RUNNING');
    assert.ok(running.length > 0, 'RUNNING before DONE');
    assert.equal(running[0].report.verdict, null, 'no verdict while a first test runs');
    const percents = running.flatMap((change: any) => (change.progress ? [change.progress.percent] : []));
    assert.ok(percents.length > 0, 'progress reached the subscription');
    assert.deepEqual(
      percents,
      [...percents].sort((a, b) => a - b),
      'percent only grows',
    );
    assert.ok(percents.every((percent: number) => percent >= 0 && percent < 100));
    assert.ok(
      running.some((change: any) => change.progress?.step === 'REPLIES'),
      JSON.stringify(running.map((c: any) => c.progress)),
    );
    assert.equal(report.status, 'DONE');
    assert.ok(report.startedAt, 'when the test began is kept');

    assert.equal(report.runId, runId);
    assert.equal(report.personaVersion, 1);
    assert.equal(report.headline, 'RETRIEVAL');
    assert.ok(report.pairsTested >= 10, `${report.pairsTested} held-out pairs scored`);

    // Authorship: the retrieval responder's replies are the person's, the untrained avatar has none.
    const authorship = metricOf(report, 'AUTHORSHIP', 'RETRIEVAL');
    assert.equal(authorship.measured, true, authorship.reason);
    assert.equal(authorship.quality, 'MEANINGFUL');
    assert.ok(authorship.newVersion > authorship.baseline, JSON.stringify(authorship));
    assert.ok(authorship.liftLow > 0, `lift ${authorship.lift}, CI [${authorship.liftLow}, ${authorship.liftHigh}]`);
    assert.ok(authorship.ceiling > authorship.floor);
    assert.equal(metricOf(report, 'STYLE_SIMILARITY', 'RETRIEVAL').measured, true);

    // LLM-based figures: the model is not installed, so no number.
    for (const metric of ['EMBEDDING_SIMILARITY', 'STYLE_SIMILARITY', 'AUTHORSHIP']) {
      const llm = metricOf(report, metric, 'LLM');
      assert.equal(llm.measured, false, JSON.stringify(llm));
      assert.equal(llm.reason, 'not measured (model llm-not-installed missing)');
      assert.equal(llm.newVersion, null);
      assert.equal(llm.lift, null);
    }
    // Figures of random-weight models say so; a metric they cannot measure says why.
    const embedding = metricOf(report, 'EMBEDDING_SIMILARITY', 'RETRIEVAL');
    assert.equal(embedding.quality, 'TEST_MODEL');
    assert.ok(embedding.measured || /not measured/.test(embedding.reason), JSON.stringify(embedding));
    const speaker = metricOf(report, 'SPEAKER_SIMILARITY', null);
    assert.equal(speaker.measured, true, speaker.reason);
    assert.equal(speaker.quality, 'TEST_MODEL');
    assert.equal(speaker.qualityNote, 'measured with a test model (not meaningful)');
    assert.match(speaker.reason, /does not clone/);
    assert.equal(metricOf(report, 'INTELLIGIBILITY', null).quality, 'TEST_MODEL');

    assert.equal(report.verdict, 'BETTER');
    assert.equal(report.verdictAgainst, 'BASELINE', 'a first version is judged against the untrained avatar');
    assert.equal(report.worse, false);
    assert.equal(report.comparedWith, null);
    assert.ok(report.overall.liftLow > 0, JSON.stringify(report.overall));
    // Every text figure reads on 0–1 (lifts on −1…+1); what went past either end is counted, the raw means kept.
    assert.equal(report.scoresCapped, true);
    for (const m of report.metrics.filter((metric: any) => metric.measured && metric.onScale)) {
      for (const value of [m.newVersion, m.baseline]) assert.ok(value >= 0 && value <= 1, JSON.stringify(m));
      for (const value of [m.lift, m.liftLow, m.liftHigh]) assert.ok(value >= -1 && value <= 1, JSON.stringify(m));
      assert.equal(typeof m.rawNewVersion, 'number');
      assert.ok(m.newVersionOutside.belowFloor + m.newVersionOutside.aboveCeiling <= m.n);
    }
    assert.equal(metricOf(report, 'SPEAKER_SIMILARITY', null).onScale, false);
    assert.equal(metricOf(report, 'SPEAKER_SIMILARITY', null).rawNewVersion, null);
    for (const value of [report.overall.newVersion, report.overall.baseline]) assert.ok(value >= 0 && value <= 1);
    assert.deepEqual(report.overall.metrics, ['STYLE_SIMILARITY', 'AUTHORSHIP']);
    assert.ok(report.examples.length > 0);

    // The same report on the persona version and in the avatar's list; AvatarTested is in the history.
    const read = await gql(
      `query($a: ID!) { avatar(id: $a) { testReports { runId verdict } personaVersions { version testReport { runId worse } }
        timeline(first: 100) { nodes { type } } } }`,
      { a: avatarId },
      { token },
    );
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    assert.deepEqual(read.data?.avatar.testReports, [{ runId, verdict: 'BETTER' }]);
    assert.deepEqual(read.data?.avatar.personaVersions[0].testReport, { runId, worse: false });
    assert.ok(read.data?.avatar.timeline.nodes.some((n: { type: string }) => n.type === 'AvatarTested'));
    assert.ok(read.data?.avatar.timeline.nodes.some((n: { type: string }) => n.type === 'AvatarTestStarted'));
  });

  it('compares a retrain with the version that was active, on the same held-out messages', async () => {
    const { report } = await trainAndReport();
    assert.equal(report.personaVersion, 2);
    assert.equal(report.comparedWith.personaVersion, 1);
    assert.equal(report.comparedWith.lift, 0, 'the same material answers the same');
    assert.ok(report.comparedWith.liftLow <= 0 && report.comparedWith.liftHigh >= 0);
    assert.equal(report.worse, false);
    assert.equal(report.verdict, 'UNCLEAR');
    assert.equal(report.verdictAgainst, 'PREVIOUS_VERSION', 'judged against the version that was active');
  });
});
