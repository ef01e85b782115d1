import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { eventually } from '../src/async.ts';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testDatabaseUrl, testModelEnvironment, uniqueSchema } from '../src/test-env.ts';

const run = promisify(execFile);

/**
 * Deletion that really deletes: distinctive strings go into an avatar's name,
 * persona card, a material, the voice consent and sample, a chat title and a
 * message; after deleteAvatar nothing in the event store, the bus, the read
 * models, the key store or the blob store holds any of them in plaintext —
 * and a full rebuild of the read models does not bring them back.
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

  /** Where each secret still shows in plaintext: tables of every schema Bishop wrote, and every blob file. */
  async function plaintextLeaks(): Promise<string[]> {
    const leaks: string[] = [];
    const { rows: tables } = await database.query(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`,
      [schemas],
    );
    assert.ok(tables.length > 10, 'the scan sees the event store, bus, key store and read-model tables');
    for (const { table_schema, table_name } of tables) {
      const table = `"${table_schema}"."${table_name}"`;
      for (const [what, secret] of Object.entries(secrets)) {
        const { rows } = await database.query(
          `SELECT count(*)::int AS n FROM ${table} AS t WHERE t::text ILIKE $1 OR convert_from(t::text::bytea, 'UTF8') ILIKE $1`,
          [`%${secret}%`],
        );
        if (rows[0].n > 0) leaks.push(`${what} in ${table}`);
      }
    }
    const files = await readdir(dataDir.path, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile() && !entry.parentPath.includes('models'))) {
      const bytes = await readFile(join(file.parentPath, file.name));
      for (const [what, secret] of Object.entries(secrets)) {
        if (bytes.includes(secret) || bytes.includes(Buffer.from(secret, 'utf16le'))) {
          leaks.push(`${what} in ${join(file.parentPath, file.name)}`);
        }
      }
    }
    return leaks;
  }

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
    // The scan must find every secret while the avatar lives, or its silence later would prove nothing.
    const found = new Set((await plaintextLeaks()).map((leak) => leak.split(' in ')[0]));
    assert.deepEqual([...found].sort(), Object.keys(secrets).sort());
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
    bishop = await startBishopProcess(env);
    gql = graphqlOverHttp(bishop.url);
    const read = await call('query($a: ID!) { avatar(id: $a) { status name personaCard { description } } }', {
      a: avatarId,
    });
    assert.deepEqual(read.avatar, { status: 'DELETED', name: null, personaCard: { description: null } });
  });
});
