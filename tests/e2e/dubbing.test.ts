import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sleep } from '../src/async.ts';
import { startBishopProcess } from '../src/bishop-process.ts';
import { openCommandPath } from '../src/command-path.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testDatabaseUrl, testModelEnvironment, uniqueSchema } from '../src/test-env.ts';
import { startTtsHttpProcess, type TtsHttpProcess } from '../src/tts-http-process.ts';

const run = promisify(execFile);

interface DubView {
  state: 'READY' | 'FAILED';
  audioUrl: string | null;
  durationSec: number | null;
  voice: string | null;
  madeUnderWithdrawnConsent: boolean;
  failure: { code: string; reason: string } | null;
}

/**
 * ReplyGenerated → dub worker → DubReady and a playable, synthetic-marked
 * Ogg/Opus behind the media URL, against a real `bishop start` (PostgreSQL
 * server, test models: the VITS-signature tts-tiny-random through
 * transformers.js). The reply is recorded through the real command path
 * (RecordReply from this process into Bishop's database), as the reply worker
 * does, with texts of chosen lengths; `bishop start` runs without its own reply worker.
 */
async function startDubbingBishop(label: string, extra: Record<string, string>) {
  const dataDir = await temporaryDirectory(label);
  const schema = uniqueSchema(label);
  const masterKeyBase64 = randomBytes(32).toString('base64');
  const bishop = await startBishopProcess({
    BISHOP_DATA_DIR: dataDir.path,
    BISHOP_DATABASE_URL: testDatabaseUrl,
    BISHOP_DATABASE_SCHEMA: schema,
    BISHOP_READ_SCHEMA: `${schema}_read`,
    BISHOP_MASTER_KEY: masterKeyBase64,
    // This test records replies itself (to control their text): no reply worker may race it.
    BISHOP_START_WORKERS: 'extract,voice-check,dub,shred,train',
    ...testModelEnvironment(),
    ...extra,
  });
  const path = await openCommandPath({ databaseUrl: testDatabaseUrl, schema, masterKeyBase64 });
  const gql = graphqlOverHttp(bishop.url);
  const signUp = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
    i: { email: `${label}-${randomUUID()}@example.org`, fullName: 'Лектор', password: 'long enough password' },
  });
  const token: string = signUp.data?.signUp.accessToken;
  const avatarId: string = (await gql('mutation { createAvatar(name: "Лектор") { avatarId } }', {}, { token })).data
    ?.createAvatar.avatarId;
  const chatId: string = (
    await gql('mutation($a: ID!) { openChat(avatarId: $a, title: "Разговор") { chatId } }', { a: avatarId }, { token })
  ).data?.openChat.chatId;
  assert.ok(token && avatarId && chatId, 'signed up, created an avatar and opened a chat');

  /** Sends a message over GraphQL, then records the avatar's reply as the reply worker would. */
  async function reply(text: string): Promise<string> {
    const sent = await gql(
      'mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { messageId } }',
      { c: chatId, t: 'Расскажите о звёздах' },
      { token },
    );
    const messageId: string = sent.data?.sendMessage.messageId;
    const replyId = randomUUID();
    await path.commands.chat(chatId, {
      type: 'RecordReply',
      data: {
        messageId,
        replyId,
        text,
        personaVersion: null,
        model: 'e2e',
        latencyMs: 1,
        promptTokens: 1,
        completionTokens: 1,
        sourceIds: [],
        sources: [],
        closeness: null,
      },
      metadata: { commandId: randomUUID(), actor: { kind: 'system', service: 'reply' }, now: new Date().toISOString() },
    } as Parameters<typeof path.commands.chat>[1]);
    return replyId;
  }

  async function dubOf(replyId: string, timeoutMs = 60_000): Promise<DubView> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const read = await gql(
        `query($c: ID!) { chat(id: $c) { messages(first: 50) { nodes { reply { id dub { state audioUrl durationSec voice madeUnderWithdrawnConsent failure { code reason } } } } } } }`,
        { c: chatId },
        { token },
      );
      const nodes: { reply: { id: string; dub: DubView | null } | null }[] = read.data?.chat.messages.nodes ?? [];
      const dub = nodes.find((node) => node.reply?.id === replyId)?.reply?.dub;
      if (dub) return dub;
      await sleep(200);
    }
    throw new Error(`no dub for reply ${replyId} within ${timeoutMs} ms:\n${bishop.output().slice(-2000)}`);
  }

  return {
    bishop,
    token,
    avatarId,
    gql,
    reply,
    dubOf,
    async stop() {
      await bishop.stop();
      await path.close([schema, `${schema}_read`, `${schema}_auth`]);
      await dataDir.remove();
    },
    dataDir,
  };
}

describe('dubbing end to end (bishop start with the test models)', () => {
  let rig: Awaited<ReturnType<typeof startDubbingBishop>>;
  before(async () => {
    rig = await startDubbingBishop('dub', {});
  });
  after(() => rig?.stop());

  it('says on /readyz and at start which voice speaks, that nothing clones, and how to fix that', async () => {
    const ready = (await (await fetch(`${rig.bishop.url}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean; detail?: string; error?: string }>;
    };
    assert.match(ready.checks['voice:ru']?.detail ?? '', /^vits \(tts-tiny-random\); generic voice, no cloning/);
    assert.equal(ready.checks['model:tts-clone']?.ok, false);
    assert.match(ready.checks['model:tts-clone']?.error ?? '', /chatterbox-multilingual-ONNX is not installed/);
    assert.match(ready.checks['model:tts-clone']?.error ?? '', /fix: \.\/bishop models pull tts-clone/);
    // `bishop start` said the same on its console, with the one command that fixes it.
    assert.match(rig.bishop.output(), /Models: 1 of 8 capabilities have no model in .*\n {2}- tts-clone {1}/);
    assert.match(rig.bishop.output(), /Fix: \.\/bishop models pull tts-clone/);
  });

  it('turns a reply into DubReady and a downloadable Ogg/Opus that grows with the text', async () => {
    const shortId = await rig.reply('Привет.');
    const longId = await rig.reply('Привет. Сегодня мы поговорим о звёздах и планетах. Это очень интересная тема!');
    const [short, long] = [await rig.dubOf(shortId), await rig.dubOf(longId)];
    assert.equal(short.state, 'READY', JSON.stringify(short));
    assert.equal(long.state, 'READY', JSON.stringify(long));
    assert.equal(long.voice, 'generic', 'no consent, no sample: a generic voice');
    assert.ok((long.durationSec ?? 0) > (short.durationSec ?? 0) * 2, `${long.durationSec} vs ${short.durationSec}`);

    // The media URL serves the file, whole and by range.
    const url = `${rig.bishop.url}${long.audioUrl}`;
    const whole = await fetch(url);
    assert.equal(whole.status, 200);
    assert.match(whole.headers.get('content-type') ?? '', /^audio\/ogg/);
    const bytes = new Uint8Array(await whole.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 4)), 'OggS');
    const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
    assert.equal(part.status, 206);
    assert.equal((await part.arrayBuffer()).byteLength, 100);
    assert.equal(part.headers.get('content-range'), `bytes 0-99/${bytes.length}`);

    // ffprobe: Opus, the recorded duration, and the synthetic-speech tags.
    const file = join(rig.dataDir.path, 'dub.ogg');
    await writeFile(file, bytes);
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      file,
    ]);
    const probe = JSON.parse(stdout) as {
      format: { duration: string };
      streams: { codec_name: string; tags: Record<string, string> }[];
    };
    assert.equal(probe.streams[0]?.codec_name, 'opus');
    assert.ok(Math.abs(Number(probe.format.duration) - (long.durationSec ?? 0)) < 0.1);
    assert.match(probe.streams[0]?.tags.comment ?? '', /^AI-generated synthetic speech \(Bishop\)/);
    assert.equal(probe.streams[0]?.tags.AI_GENERATED, 'true');
  });

  it('serves the audio to its owner only', async () => {
    const replyId = await rig.reply('Ещё одна фраза.');
    const dub = await rig.dubOf(replyId);
    const path = (dub.audioUrl ?? '').split('?')[0];
    assert.equal((await fetch(`${rig.bishop.url}${path}`)).status, 401, 'no signature, no session');
    const tampered = (dub.audioUrl ?? '').replace(/s=[^&]+/, 's=AAAA');
    assert.notEqual((await fetch(`${rig.bishop.url}${tampered}`)).status, 200);
  });
});

describe('dubbing with no speech synthesis configured', () => {
  let rig: Awaited<ReturnType<typeof startDubbingBishop>>;
  before(async () => {
    rig = await startDubbingBishop('nodub', { BISHOP_TTS_ENGINES: 'none' });
  });
  after(() => rig?.stop());

  it('records DubFailed with a clear reason, and /readyz says so', async () => {
    const dub = await rig.dubOf(await rig.reply('Привет.'));
    assert.equal(dub.state, 'FAILED');
    assert.equal(dub.failure?.code, 'TTS_UNAVAILABLE');
    assert.match(dub.failure?.reason ?? '', /Speech synthesis is turned off on this server/);
    const ready = (await (await fetch(`${rig.bishop.url}/readyz`)).json()) as {
      status: string;
      checks: Record<string, { ok: boolean; error?: string }>;
    };
    assert.equal(ready.status, 'ready', 'a missing voice does not make Bishop unready');
    assert.equal(ready.checks['voice:ru']?.ok, false);
  });
});

describe('dubbing in the cloned voice (consent + accepted sample, XTTS-style server)', () => {
  let server: TtsHttpProcess;
  let rig: Awaited<ReturnType<typeof startDubbingBishop>>;
  before(async () => {
    server = await startTtsHttpProcess();
    rig = await startDubbingBishop('clonedub', { BISHOP_TTS_HTTP_URL: `${server.url}/tts` });
  });
  after(async () => {
    await rig?.stop();
    await server?.stop();
  });

  let clonedReplyId = '';

  async function sampleState(): Promise<string | undefined> {
    const read = await rig.gql(
      'query($a: ID!) { avatar(id: $a) { voice { sample { state failure { reason } } } } }',
      { a: rig.avatarId },
      { token: rig.token },
    );
    return read.data?.avatar.voice.sample?.state;
  }

  it('speaks generically before consent, then in the cloned voice once consent and a sample exist', async () => {
    const before = await rig.dubOf(await rig.reply('Hello before consent.'));
    assert.equal(before.voice, 'generic');
    assert.equal((await server.requests()).at(-1)?.speakerBytes, 0, 'no sample left Bishop without consent');

    // Consent first (the domain refuses a sample without it).
    const consent = await rig.gql(
      'mutation($a: ID!, $c: VoiceConsentInput!) { recordVoiceConsent(avatarId: $a, consent: $c) { position } }',
      {
        a: rig.avatarId,
        c: { basis: 'SELF', personName: 'Лектор', consentGivenOn: '2026-01-01', statement: 'Это мой голос.' },
      },
      { token: rig.token },
    );
    assert.equal(consent.errors, undefined, JSON.stringify(consent.errors));
    // A 10 s recording of one voice.
    const sample = join(rig.dataDir.path, 'sample.wav');
    const words = 'Меня зовут Лектор. Я читаю лекции о звёздах и планетах уже много лет, и мне это нравится.';
    await run('espeak-ng', ['-v', 'ru', '-s', '120', '-w', sample, words]);
    const form = new FormData();
    form.append('file', new Blob([await readFile(sample)]), 'sample.wav');
    const upload = await fetch(`${rig.bishop.url}/api/avatars/${rig.avatarId}/voice-sample`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${rig.token}` },
    });
    assert.ok(upload.ok, await upload.text());
    const deadline = Date.now() + 60_000;
    let state = await sampleState();
    while (state !== 'READY' && state !== 'REJECTED' && Date.now() < deadline) {
      await sleep(200);
      state = await sampleState();
    }
    assert.equal(state, 'READY', 'the voice check accepted the sample');

    clonedReplyId = await rig.reply('Hello after consent. This is my voice.');
    const cloned = await rig.dubOf(clonedReplyId);
    assert.equal(cloned.state, 'READY', JSON.stringify(cloned));
    assert.equal(cloned.voice, 'cloned');
    assert.equal(cloned.madeUnderWithdrawnConsent, false);
    const last = (await server.requests()).slice(-2);
    assert.deepEqual(
      last.map((r) => r.text),
      ['Hello after consent.', 'This is my voice.'],
    );
    for (const request of last) assert.equal(request.speakerFormat, 'wav', 'the accepted sample went to the server');
  });

  /** Asks for a preview of the sample's voice and waits until it is spoken or fails. */
  async function preview(text: string) {
    const voice = (
      await rig.gql(
        'query($a: ID!) { avatar(id: $a) { voice { sample { id } } } }',
        { a: rig.avatarId },
        { token: rig.token },
      )
    ).data?.avatar.voice;
    const asked = await rig.gql(
      'mutation($a: ID!, $s: ID!, $t: String!) { previewVoice(avatarId: $a, sampleId: $s, text: $t) { position } }',
      { a: rig.avatarId, s: voice.sample.id, t: text },
      { token: rig.token },
    );
    if (asked.errors) return { errors: asked.errors };
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const read = await rig.gql(
        'query($a: ID!) { avatar(id: $a) { voice { sample { preview { text state voice audioUrl failure { reason } } } } } }',
        { a: rig.avatarId },
        { token: rig.token },
      );
      const seen = read.data?.avatar.voice.sample.preview;
      if (seen && seen.state !== 'REQUESTED' && seen.text === text) return { preview: seen };
      await sleep(200);
    }
    throw new Error('the preview was not spoken within 60 s');
  }

  it('previews any text in the cloned voice through the dub path, before it is relied on', async () => {
    const { preview: spoken } = await preview('Is this really how I sound?');
    assert.equal(spoken?.state, 'READY', JSON.stringify(spoken));
    assert.equal(spoken?.voice, 'cloned');
    assert.equal((await server.requests()).at(-1)?.text, 'Is this really how I sound?');
    assert.equal((await server.requests()).at(-1)?.speakerFormat, 'wav', 'the sample went to the cloning server');
    const audio = await fetch(`${rig.bishop.url}${spoken?.audioUrl}`);
    assert.equal(audio.status, 200);
    assert.match(audio.headers.get('content-type') ?? '', /ogg/);
  });

  it('stops cloning as soon as consent is withdrawn; the cloned dub made before stays, marked', async () => {
    assert.ok(clonedReplyId, 'the previous test made a cloned dub');
    const withdrawn = await rig.gql(
      'mutation($a: ID!) { withdrawVoiceConsent(avatarId: $a) { position } }',
      { a: rig.avatarId },
      { token: rig.token },
    );
    assert.equal(withdrawn.errors, undefined, JSON.stringify(withdrawn.errors));
    const after = await rig.dubOf(await rig.reply('Hello after the withdrawal.'));
    assert.equal(after.voice, 'generic');
    assert.equal(after.madeUnderWithdrawnConsent, false);
    assert.equal((await server.requests()).at(-1)?.speakerBytes, 0, 'no sample left Bishop after the withdrawal');
    const before = await rig.dubOf(clonedReplyId);
    assert.equal(before.voice, 'cloned');
    assert.equal(before.madeUnderWithdrawnConsent, true);
    // Withdrawing twice is refused with a clear reason.
    const again = await rig.gql(
      'mutation($a: ID!) { withdrawVoiceConsent(avatarId: $a) { position } }',
      { a: rig.avatarId },
      { token: rig.token },
    );
    assert.match(JSON.stringify(again.errors), /no voice consent to withdraw/);
    // Nor is the voice previewed any more.
    const refused = await preview('Say it once more.');
    assert.match(JSON.stringify(refused.errors), /Record consent to clone this voice before previewing it/);
  });
});
