import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chainHashOf } from '@bishop/infra';
import pg from 'pg';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/** `bishop audit verify` against history written through the API into a PostgreSQL server, then tampered with. */
describe('provable history (bishop audit verify on PostgreSQL)', () => {
  const schema = uniqueSchema('audit');
  const env = {
    BISHOP_DATABASE_URL: testDatabaseUrl,
    BISHOP_DATABASE_SCHEMA: schema,
    BISHOP_READ_SCHEMA: `${schema}_read`,
    BISHOP_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  };
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let database: pg.Client;
  let avatarId: string;
  let headSeen: { hash: string; revision: number };

  before(async () => {
    dataDir = await temporaryDirectory('audit');
    Object.assign(env, { BISHOP_DATA_DIR: dataDir.path });
    bishop = await startBishopProcess(env);
    const gql = graphqlOverHttp(bishop.url);
    const signUp = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email: 'auditor@example.org', fullName: 'Auditor', password: 'long enough password' },
    });
    const token = signUp.data?.signUp.accessToken;
    avatarId = (await gql('mutation { createAvatar(name: "Ada") { avatarId } }', {}, { token })).data?.createAvatar
      .avatarId;
    const renamed = await gql(
      'mutation($a: ID!) { renameAvatar(id: $a, name: "Ada Lovelace") { position } }',
      { a: avatarId },
      { token },
    );
    const opened = await gql(
      'mutation($a: ID!) { openChat(avatarId: $a, title: "Notes") { position } }',
      { a: avatarId },
      { token },
    );
    // The read models must have seen the chat too before Bishop stops: its links are the audit's witnesses.
    const read = await gql(
      'query($a: ID!) { avatar(id: $a) { chainHead { hash revision } timeline { nodes { type chainHash } } } }',
      { a: avatarId },
      { token, consistentWith: opened.data?.openChat.position ?? renamed.data?.renameAvatar.position },
    );
    headSeen = read.data?.avatar.chainHead;
    const timeline = read.data?.avatar.timeline.nodes ?? [];
    assert.ok(timeline.length >= 2 && timeline.every((entry: any) => /^[0-9a-f]{64}$/.test(entry.chainHash)));
    await bishop.stop();
    database = new pg.Client({ connectionString: testDatabaseUrl });
    await database.connect();
  });
  after(async () => {
    await bishop?.stop();
    await database?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await database?.query(`DROP SCHEMA IF EXISTS "${schema}_read" CASCADE`);
    await database?.query(`DROP SCHEMA IF EXISTS "${schema}_auth" CASCADE`);
    await database?.end();
    await dataDir?.remove();
  });

  it('shows the chain head in the API and verifies untouched history', async () => {
    assert.match(headSeen.hash, /^[0-9a-f]{64}$/);
    assert.equal(headSeen.revision, 1, 'created, renamed: the head is the second event');
    const result = await runBishop(['audit', 'verify', avatarId], env);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      new RegExp(`avatar-${avatarId}: 2 events, head ${headSeen.hash} at revision 1: intact`),
    );
    assert.match(result.stdout, /chat-[0-9a-f-]+: 1 events, .*: intact/);
    assert.match(result.stdout, /History verified/);
  });

  it('catches history forged with every hash recomputed, the witnesses rewritten too', async () => {
    // A database writer without the master key rewrites who created the avatar, recomputes the whole
    // chain after it, and rewrites the links the read models saw: the hashes alone now all agree.
    const stream = `avatar-${avatarId}`;
    const { rows } = await database.query(
      `SELECT position, revision, type, data, metadata FROM "${schema}".bishop_events WHERE stream_name = $1 ORDER BY revision`,
      [stream],
    );
    let previous: string | null = null;
    for (const row of rows) {
      const metadata = { ...row.metadata, ...(row.revision === '0' ? { actorId: 'user:forger' } : {}) };
      const chainHash = chainHashOf(previous, { streamName: stream, type: row.type, data: row.data, metadata });
      previous = chainHash;
      await database.query(`UPDATE "${schema}".bishop_events SET metadata = $1 WHERE position = $2`, [
        { ...metadata, chainHash },
        row.position,
      ]);
      await database.query(`UPDATE "${schema}_read".avatar_timeline SET chain_hash = $1 WHERE position = $2`, [
        chainHash,
        row.position,
      ]);
    }
    const result = await runBishop(['audit', 'verify', avatarId], env);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, /✗ forged: revision 1 does not match its signed head: the history was forged/);
    assert.doesNotMatch(result.stdout, /✗ (altered|witnessMismatch)/, 'every recomputed link agrees');
    assert.match(result.stdout, /History does NOT verify/);
  });

  it('catches a signed head rewritten without the master key', async () => {
    await database.query(`UPDATE "${schema}".bishop_chain_heads SET chain_hash = $1 WHERE stream_name = $2`, [
      '0'.repeat(64),
      `avatar-${avatarId}`,
    ]);
    const result = await runBishop(['audit', 'verify', avatarId], env);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /✗ forged: the signed head at revision 1 has a wrong signature/);
  });

  it('names the event that was altered directly in PostgreSQL', async () => {
    // Rewrite who did it: a change that needs no key and leaves the JSON well-formed.
    await database.query(
      `UPDATE "${schema}".bishop_events SET metadata = jsonb_set(metadata::jsonb, '{actorId}', '"user:intruder"')::json
       WHERE stream_name = $1 AND revision = 0`,
      [`avatar-${avatarId}`],
    );
    const result = await runBishop(['audit', 'verify', avatarId], env);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /✗ altered: revision 0 \(AvatarCreated\) does not match the chain/);
    assert.match(result.stdout, /History does NOT verify/);
  });

  it('notices a removed newest event against what the read models saw', async () => {
    await database.query(`DELETE FROM "${schema}".bishop_events WHERE stream_name = $1 AND revision = 1`, [
      `avatar-${avatarId}`,
    ]);
    const result = await runBishop(['audit', 'verify', avatarId], env);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /✗ missing: revision 1 was seen by the read models but is gone/);
  });

  it('refuses an id that is not one', async () => {
    const result = await runBishop(['audit', 'verify', '../../etc'], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /is not an avatar id/);
  });
});
