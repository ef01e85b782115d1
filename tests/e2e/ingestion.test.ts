import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const run = promisify(execFile);
const fixture = (name: string) => readFile(new URL(`../fixtures/documents/${name}`, import.meta.url));

/**
 * Upload through the API → the extraction worker (real parsers, real ffmpeg,
 * real Silero VAD, the Whisper-architecture test model) → extracted text in
 * the read model and its subscription; bad files end FAILED with a reason.
 */
describe('ingestion end to end (bishop start with the test models)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let avatarId: string;

  before(async () => {
    dataDir = await temporaryDirectory('ingest');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    gql = graphqlOverHttp(bishop.url);
    const signUp = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email: 'lecturer@example.org', fullName: 'Лектор', password: 'long enough password' },
    });
    token = signUp.data?.signUp.accessToken;
    avatarId = (await gql('mutation { createAvatar(name: "Лектор") { avatarId } }', {}, { token })).data?.createAvatar
      .avatarId;
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  async function upload(files: { name: string; bytes: Uint8Array }[]) {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { results: { materialId: string; fileName: string }[] }).results;
  }

  it('extracts documents, recordings and failures, and streams each state change', async () => {
    const speech = join(dataDir.path, 'speech.wav');
    await run('espeak-ng', ['-v', 'ru', '-w', speech, 'Здравствуйте. Сегодня мы поговорим о звёздах и планетах.']);
    const ws = graphqlOverWebSocket(bishop.url, token);
    const connected = new Promise((resolve) => ws.on('connected', resolve));
    const changes = subscribe(ws, `subscription($a: ID!) { materialChanged(avatarId: $a) { material { id state } } }`, {
      a: avatarId,
    });
    await connected;
    await new Promise((resolve) => setTimeout(resolve, 300));

    const uploaded = await upload([
      { name: 'lecture-ru.cp1251.txt', bytes: await fixture('lecture-ru.cp1251.txt') },
      { name: 'lecture.pdf', bytes: await fixture('lecture.pdf') },
      { name: 'truncated.pdf', bytes: await fixture('truncated.pdf') },
      { name: 'speech.wav', bytes: await readFile(speech) },
    ]);
    const ids: Record<string, any> = Object.fromEntries(uploaded.map((result) => [result.fileName, result.materialId]));
    const finalStates = (results: any[]) =>
      new Map<string, string>(
        results
          .map((r): [string, string] => [r.materialChanged.material.id, r.materialChanged.material.state])
          .filter(([, state]) => state === 'READY' || state === 'FAILED'),
      );
    const seen = await changes.until((results) => finalStates(results).size >= 4, 90_000);
    changes.stop();
    await ws.dispose();
    const states = finalStates(seen);
    assert.equal(states.get(ids['lecture-ru.cp1251.txt']), 'READY');
    assert.equal(states.get(ids['lecture.pdf']), 'READY');
    assert.equal(states.get(ids['truncated.pdf']), 'FAILED');
    assert.equal(states.get(ids['speech.wav']), 'READY');
    assert.ok(
      seen.some((r) => r.materialChanged.material.state === 'EXTRACTING'),
      'the subscription also showed extraction in progress',
    );

    const read = await gql(
      `query($a: ID!) { avatar(id: $a) { materials { id state language charCount durationSec failure { code reason } text(maxChars: 200) segments { startSec endSec text } } } }`,
      { a: avatarId },
      { token },
    );
    const materials: any[] = read.data?.avatar.materials ?? [];
    const byId = new Map(materials.map((m) => [m.id, m]));
    const cp1251 = byId.get(ids['lecture-ru.cp1251.txt']);
    assert.equal(cp1251.language, 'ru');
    assert.match(cp1251.text, /[а-яё]/i, 'CP1251 decoded to Cyrillic');
    assert.equal(byId.get(ids['truncated.pdf']).failure.code, 'PDF_DAMAGED');
    const recording = byId.get(ids['speech.wav']);
    assert.ok(recording.durationSec > 2);
    assert.ok(recording.segments.length > 0, 'timed transcript segments');
    for (const segment of recording.segments) assert.ok(segment.endSec > segment.startSec);
  });
});
