import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadSchemaSource } from '@bishop/gateways';
import fc from 'fast-check';
import { buildSchema, getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { apiClient } from '../src/api-client.ts';
import { sleep } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

/** Every argument and input field of type JSON, as `Type.field(arg)` / `Input.field`: what the fuzz covers. */
function jsonTypedInputs(): string[] {
  const schema = buildSchema(loadSchemaSource());
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          if (getNamedType(arg.type).name === 'JSON') found.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === 'JSON') found.push(`${type.name}.${field.name}`);
      }
    }
  }
  return found.sort();
}

/** Characters that broke or could break a store or a projector, mixed into ordinary text. */
const hostileChar = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u0001', '\u001b', '\u007f', '\u0085', '\u202e');
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), hostileChar), { maxLength: 4 });
const anyText = text.map((parts) => parts.join(''));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 3 }),
  ),
}));
const settings = fc.dictionary(anyText, jsonValue.value, { minKeys: 1, maxKeys: 4 });

/** What the domain's JSON rule refuses in a client's input: the oracle for the fuzz. */
function hasForbiddenText(value: unknown, depth = 0): boolean {
  const badKey = (key: string) =>
    !key.isWellFormed() || /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(key);
  const badText = (s: string) =>
    !s.isWellFormed() || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(s);
  if (typeof value === 'string') return badText(value);
  if (Array.isArray(value)) return value.some((item) => hasForbiddenText(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, child]) => badKey(key) || hasForbiddenText(child, depth + 1));
  }
  return false;
}

/**
 * Log poisoning: one request with a NUL in a JSON key used to be appended, then stop
 * the projector for every user for good. Against a real `bishop start`.
 */
describe('security: nothing a client sends can poison the log', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let client: ReturnType<typeof apiClient>;
  let mallory: string;
  let trainable: string;
  let empty: string;

  const startTraining = (avatarId: string, value: unknown) =>
    client.gql(
      'mutation($a: ID!, $s: JSON) { startTraining(avatarId: $a, settings: $s) { runId position } }',
      { a: avatarId, s: value },
      { token: mallory },
    );

  /** Another user's read-your-writes still works and Bishop still says it is ready. */
  async function othersUnaffected(email: string) {
    const token = await client.signUp(email, 'Bystander');
    const created = await client.gql('mutation { createAvatar(name: "Ada") { avatar { name } } }', {}, { token });
    assert.deepEqual(created.errors, undefined);
    assert.equal(created.data?.createAvatar?.avatar?.name, 'Ada');
    const ready = await fetch(`${bishop.url}/readyz`);
    assert.equal(ready.status, 200, await ready.text());
  }

  before(async () => {
    dataDir = await temporaryDirectory('poison');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    client = apiClient(bishop.url);
    mallory = await client.signUp('mallory@example.org', 'Mallory');
    ({ avatarId: trainable } = await client.createAvatar(mallory, 'Trainable'));
    ({ avatarId: empty } = await client.createAvatar(mallory, 'No materials'));
    // A ready material, so a startTraining that passed validation would really be appended.
    await client.uploadTexts(mallory, trainable, [
      { name: 'notes.txt', text: 'Hello there, how are you?\n'.repeat(30) },
    ]);
    for (let i = 0; i < 200 && (await client.materials(mallory, trainable))[0]?.state !== 'READY'; i++)
      await sleep(100);
    assert.equal((await client.materials(mallory, trainable))[0]?.state, 'READY');
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  it('refuses the reported attack (a NUL in a settings key) with VALIDATION, and other users are unaffected', async () => {
    const result = await startTraining(trainable, { 'holdOutShare\u0000': 1 });
    assert.equal(result.errors?.[0]?.extensions?.code, 'VALIDATION', JSON.stringify(result));
    assert.equal(result.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
    assert.equal(result.data?.startTraining ?? null, null);
    await othersUnaffected('bystander-1@example.org');
  });

  it('refuses a NUL inside a JSON literal in the query document, too', async () => {
    const result = await client.gql(
      `mutation { startTraining(avatarId: "${trainable}", settings: { note: "a\\u0000b" }) { runId } }`,
      {},
      { token: mallory },
    );
    assert.equal(
      result.errors?.[0]?.extensions?.bishopCode,
      'BISHOP_ERR_TEXT_CONTROL_CHARACTERS',
      JSON.stringify(result),
    );
  });

  it('refuses JSON nested 100,000 levels deep with VALIDATION, not INTERNAL', async () => {
    const depth = 100_000;
    const body = `{"query":"mutation($a: ID!, $s: JSON) { startTraining(avatarId: $a, settings: $s) { runId } }","variables":{"a":"${trainable}","s":{"x":${'['.repeat(depth)}1${']'.repeat(depth)}}}}`;
    const response = await fetch(`${bishop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mallory}` },
      body,
    });
    assert.ok(response.status < 500, `status ${response.status}`);
    const result = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    assert.equal(result.errors?.[0]?.extensions?.code, 'VALIDATION', JSON.stringify(result).slice(0, 300));
  });

  it('fuzzes keys and values of every JSON-typed input: refused with a code exactly when unsafe, never INTERNAL', async () => {
    // startTraining(settings) is the only JSON input today; a new one must join this fuzz.
    assert.deepEqual(jsonTypedInputs(), ['Mutation.startTraining(settings)']);
    await fc.assert(
      fc.asyncProperty(settings, async (value) => {
        // An avatar without materials: valid settings are refused by state, after validation.
        const result = await startTraining(empty, value);
        const [error] = result.errors ?? [];
        assert.ok(error, 'never accepted without materials');
        assert.notEqual(error.extensions?.code, 'INTERNAL', JSON.stringify(error));
        if (hasForbiddenText(value)) {
          assert.equal(error.extensions?.code, 'VALIDATION', JSON.stringify(error));
          assert.match(error.extensions?.bishopCode ?? '', /^BISHOP_ERR_/);
        } else {
          assert.equal(error.extensions?.bishopCode, 'BISHOP_ERR_INVALID_STATE', JSON.stringify(error));
        }
      }),
      { seed: 17, numRuns: 150 },
    );
    await othersUnaffected('bystander-2@example.org');
  });

  it('copies a caller correlation id into events only when it is a plain token', async () => {
    const odd = `x${'\u00e9'.repeat(10)}`;
    const response = await fetch(`${bishop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': Buffer.from(odd).toString('latin1') },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.match(response.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
    const plain = await fetch(`${bishop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'trace-42.a:b' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(plain.headers.get('x-correlation-id'), 'trace-42.a:b');
  });
});
