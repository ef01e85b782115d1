import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { apiClient } from '../src/api-client.ts';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const run = promisify(execFile);
const MB = 1024 * 1024;

/**
 * The attacks the other gathered suites do not already make (cross-tenant,
 * upload abuse, JWT and sessions, log-in throttling live in their own files):
 * GraphQL abuse, zip bombs, invalid UTF-8, huge names, and endpoint URLs a
 * user might try to point at internal addresses. Against a real `bishop start`.
 */
describe('security: API attacks against a running Bishop', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let client: ReturnType<typeof apiClient>;
  let token: string;
  let avatarId: string;

  before(async () => {
    dataDir = await temporaryDirectory('attacks');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    client = apiClient(bishop.url);
    token = await client.signUp('mallory@example.org', 'Mallory');
    ({ avatarId } = await client.createAvatar(token, 'Target'));
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${bishop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
  const stillServing = async () => {
    const health = await fetch(`${bishop.url}/readyz`);
    assert.equal(health.status, 200, 'Bishop still serves after the attack');
  };

  describe('GraphQL abuse', () => {
    it('refuses a query nested beyond the depth limit', async () => {
      // chat → avatar → chats → … : the schema's cycles would let a query nest as deep as it likes.
      let selection = 'id';
      for (let depth = 0; depth < 6; depth++) selection = `chats(first: 1) { nodes { avatar { ${selection} } } }`;
      const result = await client.gql(`query { avatars(first: 1) { nodes { ${selection} } } }`, {}, { token });
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(result).slice(0, 300));
      assert.match(result.errors?.[0]?.message ?? '', /depth/i);
      assert.equal(result.data ?? null, null);
      await stillServing();
    });

    it('refuses a query whose pages multiply past the complexity limit', async () => {
      const result = await client.gql(
        'query { avatars(first: 100) { nodes { chats(first: 100) { nodes { messages(first: 100) { nodes { id } } } } } } }',
        {},
        { token },
      );
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(result.errors));
      assert.match(result.errors?.[0]?.message ?? '', /too complex/);
    });

    it('refuses thousands of aliases in one query', async () => {
      const aliases = Array.from({ length: 3000 }, (_, i) => `a${i}: me { id }`).join(' ');
      const result = await client.gql(`query { ${aliases} }`, {}, { token });
      assert.ok(result.errors?.length, 'refused');
      assert.equal(result.data ?? null, null);
      await stillServing();
    });

    it('refuses a batch of operations in one request (one request, one operation)', async () => {
      const batch = JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ me { id } }' })));
      const body = (await (await post(batch)).json()) as {
        data: unknown;
        errors?: { extensions?: { code?: string } }[];
      };
      assert.equal(body.data, null);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    });

    it('refuses a JSON body over the size limit without reading it all', async () => {
      // Found by this suite: Fastify's refusal used to come back as INTERNAL ("something went wrong on our side").
      const response = await post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(2 * MB)}` }));
      assert.equal(response.status, 413);
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
      assert.match(body.errors?.[0]?.message ?? '', /too large/);
    });
  });

  describe('invalid UTF-8 and huge names', () => {
    it('handles a GraphQL body that is not UTF-8 (as replacement characters), not a crash', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"query":"{ me { id } }","x":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ]);
      const response = await post(bytes);
      assert.ok(response.status === 400 || response.status === 200, `status ${response.status}`);
      const body = (await response.json()) as { data?: unknown };
      assert.ok(!('data' in body) || body.data === null || typeof body.data === 'object');
      await stillServing();
    });

    it('stores a text file of invalid UTF-8 as text or refuses it, never crashes', async () => {
      const bytes = new Uint8Array([
        0x48, 0x69, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x0a,
      ]);
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'broken-utf8.txt');
      const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200);
      await stillServing();
    });

    it('refuses an avatar name, a full name and a chat title of 200,000 characters with a validation error', async () => {
      // Under the 1 MiB body limit (a larger body is refused as too large before anything reads it).
      const huge = 'ы'.repeat(200_000);
      const avatar = await client.gql(
        'mutation($n: String!) { createAvatar(name: $n) { avatarId } }',
        { n: huge },
        { token },
      );
      assert.equal(avatar.errors?.[0]?.extensions?.code, 'VALIDATION', JSON.stringify(avatar.errors).slice(0, 300));
      const signUp = await client.gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
        i: { email: 'huge@example.org', fullName: huge, password: 'long enough password' },
      });
      assert.equal(signUp.errors?.[0]?.extensions?.code, 'VALIDATION', JSON.stringify(signUp.errors).slice(0, 300));
      const chat = await client.gql(
        'mutation($a: ID!, $t: String!) { openChat(avatarId: $a, title: $t) { chatId } }',
        { a: avatarId, t: huge },
        { token },
      );
      assert.equal(chat.errors?.[0]?.extensions?.code, 'VALIDATION', JSON.stringify(chat.errors).slice(0, 300));
    });
  });

  describe('zip bomb', () => {
    it('fails a chat export that unpacks to gigabytes, with a reason, and keeps serving', async () => {
      // Made here with the real zip tool: 200 MiB of one byte squeezed into ~200 KiB.
      const work = join(dataDir.path, 'bomb');
      await run('mkdir', ['-p', work]);
      await writeFile(join(work, 'result.json'), Buffer.alloc(200 * MB, 0x20));
      await run('zip', ['-q', '-9', '-j', join(work, 'export.zip'), join(work, 'result.json')]);
      const zip = await readFile(join(work, 'export.zip'));
      assert.ok(zip.length < 2 * MB, `the bomb is small (${zip.length} bytes)`);
      const form = new FormData();
      form.append('file', new Blob([zip]), 'telegram-export.zip');
      const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { results: { materialId?: string; error?: { bishopCode?: string } }[] };
      const [result] = body.results;
      if (result?.materialId) {
        const deadline = Date.now() + 30_000;
        let material: { state: string; failure: { reason: string } | null } | undefined;
        while (Date.now() < deadline) {
          material = (await client.materials(token, avatarId)).find((m) => m.id === result.materialId);
          if (material?.state === 'FAILED' || material?.state === 'READY') break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        assert.equal(material?.state, 'FAILED', JSON.stringify(material));
        assert.ok(material?.failure?.reason, 'with a reason');
      } else {
        assert.ok(result?.error?.bishopCode, JSON.stringify(body));
      }
      await stillServing();
    });
  });

  describe('blind-test invite links', () => {
    const tokens = ['', 'x', 'A'.repeat(43), "' OR 1=1 --", '../../etc/passwd', 'é'.repeat(100_000), '\u0000'];

    it('opens nothing with a guessed, malformed or huge token, and says the same for each', async () => {
      for (const guess of tokens) {
        const round = await client.gql('query($t: String!) { invitedBlindTest(token: $t) { personaVersion } }', {
          t: guess,
        });
        assert.equal(round.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_INVITE_INVALID', JSON.stringify(round));
        assert.equal(round.data ?? null, null);
        const guessed = await client.gql(
          `mutation($t: String!) { guessInvitedBlindTest(token: $t, guesser: "00000000-0000-4000-8000-000000000001",
            personaVersion: 1, pairIndex: 0, optionId: "x") { correct } }`,
          { t: guess },
        );
        assert.equal(guessed.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_INVITE_INVALID');
      }
      await stillServing();
    });

    it('lets no invite token stand in for a session or an API token', async () => {
      const asBearer = await client.gql('query { me { id } }', {}, { token: 'A'.repeat(43) });
      assert.equal(asBearer.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    });

    it('refuses an invite for an avatar with nothing to test, and invites to another user’s avatar', async () => {
      const own = await client.gql(
        'mutation($a: ID!) { createBlindTestInvite(avatarId: $a) { token } }',
        {
          a: avatarId,
        },
        { token },
      );
      assert.equal(own.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_INVALID_STATE');
      const victim = await client.signUp('victim-of-invites@example.org', 'Victim');
      const { avatarId: theirs } = await client.createAvatar(victim, 'Theirs');
      const foreign = await client.gql(
        'mutation($a: ID!) { createBlindTestInvite(avatarId: $a) { token } }',
        {
          a: theirs,
        },
        { token },
      );
      assert.equal(foreign.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('endpoint URLs and internal addresses', () => {
    it('gives users no argument or input field that takes a URL or host to call', async () => {
      const introspection = await client.gql(
        `{ __schema { types { name kind fields { name args { name } } inputFields { name } } } }`,
        {},
        { token },
      );
      interface SchemaType {
        readonly name: string;
        readonly fields: { name: string; args: { name: string }[] }[] | null;
        readonly inputFields: { name: string }[] | null;
      }
      const schema = introspection.data?.__schema as { types: SchemaType[] } | undefined;
      const types = (schema?.types ?? []).filter((t) => !t.name.startsWith('__'));
      assert.ok(types.length > 10, 'introspection answered');
      const urlLike = /(^|[a-z])(url|uri|endpoint|host|webhook|callback)s?$/i;
      const offenders = types.flatMap((type) => [
        ...(type.inputFields ?? []).map((f) => `${type.name}.${f.name}`),
        ...(type.fields ?? []).flatMap((f) => f.args.map((a) => `${type.name}.${f.name}(${a.name})`)),
      ]);
      assert.deepEqual(
        offenders.filter((name) => urlLike.test(name.replace(/\)$/, '').split(/[.(]/).at(-1) as string)),
        [],
      );
    });

    it('refuses an operator LLM endpoint on a link-local (cloud metadata) address at start', async () => {
      const result = await runBishop(['start'], {
        BISHOP_DATA_DIR: join(dataDir.path, 'ssrf'),
        BISHOP_PORT: '0',
        BISHOP_LLM_URL: 'http://169.254.169.254/v1',
        BISHOP_LLM_REMOTE_MODEL: 'anything',
      });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /BISHOP_LLM_URL is refused/);
    });
  });
});
