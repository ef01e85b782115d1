import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { eventually } from '../src/async.ts';
import { findBytes, findInDump } from '../src/at-rest-scan.ts';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { findPlaintext } from '../src/plaintext-scan.ts';
import { temporaryDirectory, testDatabaseUrl, testModelEnvironment, uniqueSchema } from '../src/test-env.ts';

const run = promisify(execFile);

/**
 * Deletion that really deletes: distinctive strings go into an avatar's name,
 * persona card, a material, the voice consent and sample, a chat title and a
 * message; nothing in the event store, the bus, the read models, the key store
 * or the blob store holds any of them in plaintext, even while the avatar lives;
 * after deleteAvatar not even PostgreSQL's files (dead tuples, WAL, after a
 * CHECKPOINT) or a pg_dump do — and a full rebuild does not bring them back.
 */
describe('deletion by crypto-shredding (bishop start on PostgreSQL)', () => {
  const schema = uniqueSchema('shred');
  const schemas = [schema, `${schema}_read`, `${schema}_auth`];
  const tag = randomBytes(6).toString('hex');
  const secrets = {
    name: `Zephyrine${tag}`,
    card: `quokkaberg${tag}`,
    material: `xylophonic${tag}`,
    consent: `Hortensia${tag}`,
    sampleFile: `nightingale${tag}`,
    chatTitle: `marmalade${tag}`,
    message: `perihelion${tag}`,
  };
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let env: Record<string, string>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let avatarId: string;
  let database: pg.Client;

  before(async () => {
    dataDir = await temporaryDirectory('shred');
    env = {
      ...testModelEnvironment(),
      BISHOP_DATA_DIR: dataDir.path,
      BISHOP_DATABASE_URL: testDatabaseUrl,
      BISHOP_DATABASE_SCHEMA: schema,
      BISHOP_READ_SCHEMA: `${schema}_read`,
      BISHOP_MASTER_KEY: randomBytes(32).toString('base64'),
    };
    bishop = await startBishopProcess(env);
    gql = graphqlOverHttp(bishop.url);
    token = (
      await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
        i: { email: 'forgetful@example.org', fullName: 'Forgetful', password: 'long enough password' },
      })
    ).data?.signUp.accessToken;
    database = new pg.Client({ connectionString: testDatabaseUrl });
    await database.connect();
  });
  after(async () => {
    await bishop?.stop();
    for (const name of schemas) await database?.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await database?.end();
    await dataDir?.remove();
  });

  const call = async (query: string, variables: Record<string, unknown> = {}, consistentWith?: string) => {
    const result = await gql(query, variables, { token, ...(consistentWith ? { consistentWith } : {}) });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return result.data as any;
  };

  async function upload(path: string, files: { name: string; bytes: Uint8Array }[]) {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${bishop.url}${path}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200, await response.clone().text());
    return response.json() as Promise<any>;
  }

  const plaintextLeaks = () => findPlaintext(database, { schemas, directories: [dataDir.path] }, secrets);
  /** What survives in PostgreSQL's own files (heap, dead tuples, WAL, after a CHECKPOINT) and in a backup (pg_dump). */
  const leaksAtRest = async () => {
    await database.query('CHECKPOINT');
    const { rows } = await database.query('SHOW data_directory');
    return [
      ...(await findBytes([rows[0].data_directory], secrets)),
      ...(await findInDump(testDatabaseUrl, schemas, secrets)),
    ];
  };

  it('puts the secrets where they belong (and they are readable while the avatar lives)', async () => {
    avatarId = (await call('mutation($n: String!) { createAvatar(name: $n) { avatarId } }', { n: secrets.name }))
      .createAvatar.avatarId;
    await call('mutation($a: ID!, $c: PersonaCardInput!) { editPersonaCard(id: $a, card: $c) { position } }', {
      a: avatarId,
      c: { description: `A naturalist who says ${secrets.card}` },
    });
    const text = `Notes of a naturalist.\n\nThe word of the day is ${secrets.material}, said twice: ${secrets.material}.`;
    const [material] = (
      await upload(`/api/avatars/${avatarId}/materials`, [{ name: 'notes.txt', bytes: Buffer.from(text) }])
    ).results;
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
    const sample = join(dataDir.path, '..', `sample-${tag}.wav`);
    await run('espeak-ng', ['-v', 'en', '-w', sample, 'This is my voice, recorded for the avatar. '.repeat(3)]);
    await upload(`/api/avatars/${avatarId}/voice-sample`, [
      { name: `${secrets.sampleFile}.wav`, bytes: await readFile(sample) },
    ]);
    const chatId = (
      await call('mutation($a: ID!, $t: String!) { openChat(avatarId: $a, title: $t) { chatId } }', {
        a: avatarId,
        t: secrets.chatTitle,
      })
    ).openChat.chatId;
    const sent = await call('mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { position } }', {
      c: chatId,
      t: `Have you heard of ${secrets.message}?`,
    });
    await eventually(async () => {
      const read = await call(
        'query($a: ID!, $m: ID!) { avatar(id: $a) { material(id: $m) { state } voice { sample { state } } } }',
        { a: avatarId, m: material.materialId },
        sent.sendMessage.position,
      );
      return (
        read.avatar.material.state === 'READY' &&
        read.avatar.voice.sample?.state !== undefined &&
        read.avatar.voice.sample.state !== 'SUBMITTED'
      );
    }, 60_000);
    const read = await call('query($a: ID!) { avatar(id: $a) { name personaCard { description } } }', { a: avatarId });
    assert.equal(read.avatar.name, secrets.name);
    // Sealed at rest even while the avatar lives; the scans do read each place (the avatar's id is stored in clear).
    assert.deepEqual(await plaintextLeaks(), []);
    assert.ok((await findPlaintext(database, { schemas, directories: [] }, { id: avatarId })).length > 0);
    const { rows } = await database.query('SHOW data_directory');
    assert.ok((await findBytes([rows[0].data_directory], { id: avatarId })).length > 0, 'the byte scan reads PG files');
    assert.ok((await findInDump(testDatabaseUrl, schemas, { id: avatarId })).length > 0, 'the dump holds the rows');
  });

  it('leaves no plaintext anywhere once the avatar is deleted', async () => {
    const deleted = await call(
      'mutation($a: ID!, $n: String!) { deleteAvatar(id: $a, confirmName: $n) { position } }',
      {
        a: avatarId,
        n: secrets.name,
      },
    );
    // The shredder destroys the key and sweeps the blobs; the projector erases the read models.
    await eventually(async () => (await plaintextLeaks()).length === 0, 30_000).catch(() => {});
    assert.deepEqual(await plaintextLeaks(), []);
    assert.deepEqual(await leaksAtRest(), [], 'nothing in heap files, WAL or a dump');
    const read = await call(
      'query($a: ID!) { avatar(id: $a) { status name erasure { fields } timeline { nodes { type summary } } } }',
      { a: avatarId },
      deleted.deleteAvatar.position,
    );
    assert.equal(read.avatar.status, 'DELETED');
    assert.equal(read.avatar.name, null);
    assert.ok(read.avatar.erasure.fields.includes('name'));
    assert.ok(read.avatar.timeline.nodes.some((entry: any) => entry.type === 'AvatarDeleted'));
  });

  it('cannot resurrect anything by rebuilding the read models from the events', async () => {
    assert.equal(await bishop.stop(), 0);
    const rebuilt = await runBishop(['projections', 'rebuild'], env);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.deepEqual(await plaintextLeaks(), []);
    assert.deepEqual(await leaksAtRest(), []);
    bishop = await startBishopProcess(env);
    gql = graphqlOverHttp(bishop.url);
    const read = await call('query($a: ID!) { avatar(id: $a) { status name personaCard { description } } }', {
      a: avatarId,
    });
    assert.deepEqual(read.avatar, { status: 'DELETED', name: null, personaCard: { description: null } });
  });
});

/** Deleting the account deletes every avatar of it, shreds the account's own data and ends every credential. */
describe('account deletion (bishop start on PostgreSQL)', () => {
  const schema = uniqueSchema('close');
  const schemas = [schema, `${schema}_read`, `${schema}_auth`];
  const tag = randomBytes(6).toString('hex');
  const secrets = {
    email: `closer${tag}@example.org`,
    fullName: `Marguerite${tag}`,
    firstAvatar: `Ignatius${tag}`,
    secondAvatar: `Philomena${tag}`,
    tokenName: `pipeline${tag}`,
  };
  const password = 'long enough password';
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let session: { accessToken: string; refreshToken: string };
  let apiToken: string;
  let database: pg.Client;

  before(async () => {
    dataDir = await temporaryDirectory('close');
    bishop = await startBishopProcess({
      BISHOP_DATA_DIR: dataDir.path,
      BISHOP_DATABASE_URL: testDatabaseUrl,
      BISHOP_DATABASE_SCHEMA: schema,
      BISHOP_READ_SCHEMA: `${schema}_read`,
      BISHOP_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    gql = graphqlOverHttp(bishop.url);
    session = (
      await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }`, {
        i: { email: secrets.email, fullName: secrets.fullName, password },
      })
    ).data?.signUp;
    const token = session.accessToken;
    for (const name of [secrets.firstAvatar, secrets.secondAvatar]) {
      await gql('mutation($n: String!) { createAvatar(name: $n) { avatarId } }', { n: name }, { token });
    }
    apiToken = (
      await gql('mutation($n: String!) { issueApiToken(name: $n) { secret } }', { n: secrets.tokenName }, { token })
    ).data?.issueApiToken.secret;
    database = new pg.Client({ connectionString: testDatabaseUrl });
    await database.connect();
  });
  after(async () => {
    await bishop?.stop();
    for (const name of schemas) await database?.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await database?.end();
    await dataDir?.remove();
  });

  const codeOf = (result: { errors?: readonly { extensions?: { bishopCode?: string } }[] }) =>
    result.errors?.[0]?.extensions?.bishopCode ?? 'OK';
  const leaks = () => findPlaintext(database, { schemas, directories: [dataDir.path] }, secrets);

  it('refuses without the right password and changes nothing', async () => {
    const refused = await gql(
      'mutation { deleteAccount(password: "not my password") { position } }',
      {},
      {
        token: session.accessToken,
      },
    );
    assert.equal(codeOf(refused), 'BISHOP_ERR_WRONG_PASSWORD');
    const me = await gql('query { me { fullName } avatars { nodes { name } } }', {}, { token: apiToken });
    assert.equal(me.data?.me.fullName, secrets.fullName);
    assert.equal(me.data?.avatars.nodes.length, 2);
    assert.deepEqual(await leaks(), [], 'sealed at rest while the account lives');
  });

  it('deletes every avatar, erases the account and ends every credential', async () => {
    const done = await gql(
      'mutation($p: String!) { deleteAccount(password: $p) { position } }',
      { p: password },
      {
        token: session.accessToken,
      },
    );
    assert.equal(codeOf(done), 'OK');
    await eventually(async () => (await leaks()).length === 0, 30_000).catch(() => {});
    assert.deepEqual(await leaks(), []);
    await database.query('CHECKPOINT');
    const { rows } = await database.query('SHOW data_directory');
    assert.deepEqual(await findBytes([rows[0].data_directory], secrets), [], 'nothing in heap files or WAL');
    assert.deepEqual(await findInDump(testDatabaseUrl, schemas, secrets), [], 'nothing in a dump');

    const logIn = await gql('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }', {
      e: secrets.email,
      p: password,
    });
    assert.equal(codeOf(logIn), 'BISHOP_ERR_WRONG_CREDENTIALS');
    const refresh = await gql('mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }', {
      r: session.refreshToken,
    });
    assert.equal(codeOf(refresh), 'BISHOP_ERR_UNAUTHENTICATED');
    assert.equal(codeOf(await gql('query { me { id } }', {}, { token: apiToken })), 'BISHOP_ERR_UNAUTHENTICATED');
    // The access token is still within its lifetime, but the deletion revoked it at once.
    const token = session.accessToken;
    assert.equal(codeOf(await gql('query { me { id } }', {}, { token })), 'BISHOP_ERR_UNAUTHENTICATED');
    assert.equal(
      codeOf(await gql('mutation { createAvatar(name: "Again") { avatarId } }', {}, { token })),
      'BISHOP_ERR_UNAUTHENTICATED',
    );
  });

  it('lets the same email register again as a new account', async () => {
    const again = await gql('mutation($i: SignUpInput!) { signUp(input: $i) { user { email avatars: id } } }', {
      i: { email: secrets.email, fullName: 'Someone New', password },
    });
    assert.equal(codeOf(again), 'OK');
    assert.equal(again.data?.signUp.user.email, secrets.email);
  });
});
