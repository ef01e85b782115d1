import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { findBytes } from '../src/at-rest-scan.ts';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { type S3TestServer, startS3Server } from '../src/s3-server.ts';
import { spokenWav } from '../src/speech.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

/**
 * `bishop start` as a person runs it (embedded PGlite) with blobs in S3: after
 * deleting an avatar and then the account, not one byte of the person's words
 * (their voice messages' recordings included) is left in the data directory (PGlite's heap files and WAL included) or in the
 * S3 server's storage; a rebuild brings none back. A removed material's link
 * stops working and its files go at once.
 */
describe('deletion leaves no plaintext at rest (bishop start on PGlite, blobs in S3)', () => {
  const tag = randomBytes(6).toString('hex');
  const secrets = {
    email: `hermit${tag}@example.org`,
    fullName: `Ottoline${tag}`,
    name: `Zephyrine${tag}`,
    card: `quokkaberg${tag}`,
    material: `xylophonic${tag}`,
    removed: `palimpsest${tag}`,
    consent: `Hortensia${tag}`,
    chatTitle: `marmalade${tag}`,
    message: `perihelion${tag}`,
    voice: `vocalise${tag}`,
    tokenName: `pipeline${tag}`,
  };
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let s3: S3TestServer;
  let env: Record<string, string>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let avatarId: string;
  const password = 'long enough password';

  before(async () => {
    dataDir = await temporaryDirectory('at-rest');
    s3 = await startS3Server();
    env = {
      ...testModelEnvironment(),
      BISHOP_DATA_DIR: dataDir.path,
      BISHOP_BLOB_STORE: 's3',
      BISHOP_S3_ENDPOINT: `http://${s3.endPoint}:${s3.port}`,
      BISHOP_S3_ACCESS_KEY: s3.accessKey,
      BISHOP_S3_SECRET_KEY: s3.secretKey,
    };
    // A first start initialises PGlite: slow on a busy machine.
    bishop = await startBishopProcess(env, 180_000);
    gql = graphqlOverHttp(bishop.url);
    token = (
      await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
        i: { email: secrets.email, fullName: secrets.fullName, password },
      })
    ).data?.signUp.accessToken;
  });
  after(async () => {
    await bishop?.stop();
    await s3?.stop();
    await dataDir?.remove();
  });

  const call = async (query: string, variables: Record<string, unknown> = {}, consistentWith?: string) => {
    const result = await gql(query, variables, { token, ...(consistentWith ? { consistentWith } : {}) });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return result.data as any;
  };

  async function uploadText(name: string, text: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(text)]), name);
    const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200, await response.clone().text());
    const uploaded = (await response.json()) as { results: { materialId: string }[] };
    return uploaded.results[0]?.materialId as string;
  }

  const materialQuery = 'query($a: ID!, $m: ID!) { avatar(id: $a) { material(id: $m) { state downloadUrl } } }';
  const waitReady = (materialId: string) =>
    eventually(async () => {
      const read = await call(materialQuery, { a: avatarId, m: materialId });
      return read.avatar.material.state === 'READY';
    }, 60_000);

  /** Plaintext in the data directory (PGlite, master key) and the S3 server's files. */
  const leaks = () => findBytes([dataDir.path, s3.directory], secrets);

  it('keeps the person readable through the API while nothing is stored in plaintext', async () => {
    avatarId = (await call('mutation($n: String!) { createAvatar(name: $n) { avatarId } }', { n: secrets.name }))
      .createAvatar.avatarId;
    await call('mutation($a: ID!, $c: PersonaCardInput!) { editPersonaCard(id: $a, card: $c) { position } }', {
      a: avatarId,
      c: { description: `A naturalist who says ${secrets.card}` },
    });
    await call('mutation($n: String!) { issueApiToken(name: $n) { secret } }', { n: secrets.tokenName });
    const kept = await uploadText(
      'notes.txt',
      `The word of the day is ${secrets.material}.\n\nSaid twice: ${secrets.material}.`,
    );
    await call(
      'mutation($a: ID!, $c: VoiceConsentInput!) { recordVoiceConsent(avatarId: $a, consent: $c) { position } }',
      {
        a: avatarId,
        c: {
          basis: 'PERSON_CONSENTED',
          personName: secrets.consent,
          consentGivenOn: '2026-11-30',
          statement: `${secrets.consent} agreed in writing`,
        },
      },
    );
    const chatId = (
      await call('mutation($a: ID!, $t: String!) { openChat(avatarId: $a, title: $t) { chatId } }', {
        a: avatarId,
        t: secrets.chatTitle,
      })
    ).openChat.chatId;
    await call('mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { position } }', {
      c: chatId,
      t: `Have you heard of ${secrets.message}?`,
    });
    // A voice message whose recording carries a marker in its samples (in the silence after the words).
    const recording = await spokenWav('Hello, can you hear me?');
    recording.set(Buffer.from(secrets.voice), recording.length - 400);
    const voiceForm = new FormData();
    voiceForm.append('file', new Blob([recording]), 'question.wav');
    const sentVoice = await fetch(`${bishop.url}/api/chats/${chatId}/voice-messages`, {
      method: 'POST',
      body: voiceForm,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(sentVoice.status, 200, await sentVoice.clone().text());
    const { messageId } = (await sentVoice.json()) as { messageId: string };
    let audioUrl: string | null = null;
    await eventually(async () => {
      const messages = await call(
        'query($c: ID!) { chat(id: $c) { messages(first: 10) { nodes { id voice { audioUrl } } } } }',
        {
          c: chatId,
        },
      );
      audioUrl = messages.chat.messages.nodes.find((m: { id: string }) => m.id === messageId)?.voice?.audioUrl ?? null;
      return audioUrl !== null;
    }, 30_000);
    const played = Buffer.from(await (await fetch(new URL(audioUrl ?? '', bishop.url))).arrayBuffer());
    assert.ok(played.includes(secrets.voice), 'the voice message plays back as recorded');
    await waitReady(kept);
    const read = await call(materialQuery, { a: avatarId, m: kept });
    const download = await fetch(new URL(read.avatar.material.downloadUrl, bishop.url));
    assert.equal(download.status, 200);
    assert.match(await download.text(), new RegExp(secrets.material));
    // The scanner does read every place: the avatar's id is stored in plaintext (stream names, object keys' metadata).
    assert.ok((await findBytes([dataDir.path], { id: avatarId })).length > 0, 'the scan reads PGlite files');
    assert.ok((await findBytes([s3.directory], { mark: 'sealed=bishop-v1' })).length > 0, 'the scan reads S3 files');
    assert.deepEqual(await leaks(), [], 'sealed at rest even while the avatar lives');
  });

  it('forgets a removed material at once: its link answers 404 and its files go', async () => {
    const removed = await uploadText('draft.txt', `A draft about ${secrets.removed}.`);
    await waitReady(removed);
    const url = new URL(
      (await call(materialQuery, { a: avatarId, m: removed })).avatar.material.downloadUrl,
      bishop.url,
    );
    assert.equal((await fetch(url)).status, 200);
    await call('mutation($a: ID!, $m: ID!) { removeMaterial(avatarId: $a, materialId: $m) { position } }', {
      a: avatarId,
      m: removed,
    });
    await eventually(async () => (await fetch(url)).status === 404, 10_000);
    // Its file and text leave the bucket (the shredder deletes them; a second sweep follows later).
    const objects = async () =>
      (await readdir(s3.directory, { recursive: true })).filter(
        // s3rver keeps an object's bytes in `<key>._S3rver_object` (its tag sidecars hold no content).
        (path) => path.includes(`materials/${removed}/`) && path.endsWith('._S3rver_object'),
      );
    assert.ok((await readdir(s3.directory, { recursive: true })).length > 0);
    await eventually(async () => (await objects()).length === 0, 20_000).catch(() => {});
    assert.deepEqual(await objects(), []);
    assert.equal((await fetch(url)).status, 404);
  });

  it('leaves none of it anywhere once the avatar and then the account are deleted; rebuild brings none back', async () => {
    await call('mutation($a: ID!, $n: String!) { deleteAvatar(id: $a, confirmName: $n) { position } }', {
      a: avatarId,
      n: secrets.name,
    });
    await call('mutation($p: String!) { deleteAccount(password: $p) { position } }', { p: password });
    await eventually(async () => (await leaks()).length === 0, 30_000).catch(() => {});
    assert.equal(await bishop.stop(), 0);
    assert.deepEqual(await leaks(), [], 'nothing in PGlite files or WAL, nor in S3');
    const rebuilt = await runBishop(['projections', 'rebuild'], env);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.deepEqual(await leaks(), [], 'the rebuild brought nothing back');
  });
});
