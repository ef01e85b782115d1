import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { apiClient } from '../src/api-client.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fuzzDir = join(root, 'tests/security/graphql-fuzz');
const requirements = join(fuzzDir, 'requirements.txt');

/** Fixed, so a failure replays; bounded, so the run stays near a minute on two cores. */
const SEED = '17';
const EXAMPLES_PER_OPERATION = '30';

/** Schemathesis in a venv under .cache/, named by the requirements' hash: installed once per pinned set. */
async function schemathesis(): Promise<string> {
  const hash = createHash('sha256')
    .update(await readFile(requirements))
    .digest('hex')
    .slice(0, 12);
  const venv = join(root, '.cache', `schemathesis-${hash}`);
  const st = join(venv, 'bin', 'st');
  if (!existsSync(st)) {
    await run('python3', ['-m', 'venv', venv]);
    await run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--no-deps', '-r', requirements], {
      maxBuffer: 16 * 1024 * 1024,
    });
  }
  return st;
}

interface HarEntry {
  readonly request: { readonly postData?: { readonly text?: string } };
  readonly response: { readonly status: number; readonly content: { readonly text?: string } };
}

/** The GraphQL error codes of one recorded answer (`?` for an error without a code). */
function errorCodes(entry: HarEntry): string[] {
  try {
    const body = JSON.parse(entry.response.content.text ?? '') as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).map((error) => error.extensions?.code ?? '?');
  } catch {
    return ['not JSON'];
  }
}

/**
 * A schema-aware GraphQL fuzzer (Schemathesis, GraphQL mode) against a real
 * `bishop start`, signed in: every query and mutation with generated valid and
 * invalid arguments. Bad input must come back as a coded client error: 0 INTERNAL, 0 5xx.
 */
describe('security: schema-aware GraphQL fuzzing (Schemathesis)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let st: string;

  before(async () => {
    st = await schemathesis();
    dataDir = await temporaryDirectory('fuzz');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  it('answers every generated request without INTERNAL or 5xx', async () => {
    const client = apiClient(bishop.url);
    const token = await client.signUp('fuzzer@example.org', 'Fuzzer');
    await client.createAvatar(token, 'Fuzzed');
    const har = join(dataDir.path, 'fuzz.har');
    const args = [
      'run',
      `${bishop.url}/graphql`,
      '--header',
      `Authorization: Bearer ${token}`,
      '--seed',
      SEED,
      '--max-examples',
      EXAMPLES_PER_OPERATION,
      '--phases',
      'fuzzing',
      // Its own checks count every GraphQL error (and any refusal of a schema-valid query, e.g. too
      // complex) as a failure; bishop_checks.py fails on what must never happen: INTERNAL and 5xx.
      '--checks',
      'no_internal_error',
      '--report',
      'har',
      '--report-har-path',
      har,
      '--no-color',
    ];
    const { code, output } = await runFuzzer(st, args, dataDir.path);
    assert.equal(code, 0, output.slice(-4000));

    // The same verdict again, independently, from every recorded exchange.
    const entries = (JSON.parse(await readFile(har, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
    const serverErrors = entries.filter((entry) => entry.response.status >= 500);
    const internal = entries.filter((entry) => errorCodes(entry).some((c) => c === 'INTERNAL' || c === '?'));
    const operations = Number(/Tested: (\d+)/.exec(output)?.[1] ?? 0);
    console.log(
      `graphql fuzz: ${entries.length} requests over ${operations} operations (seed ${SEED}), ${internal.length} INTERNAL, ${serverErrors.length} 5xx`,
    );
    assert.ok(operations >= 25, `only ${operations} operations tested`);
    assert.ok(entries.length >= operations * 5, `only ${entries.length} requests`);
    assert.deepEqual(
      [...serverErrors, ...internal].map((entry) => entry.request.postData?.text?.slice(0, 300)),
      [],
    );
  });
});

/** Runs in `cwd` (Hypothesis keeps its example database there), with the Bishop checks on its path. */
function runFuzzer(st: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(st, args, {
    cwd,
    env: {
      ...process.env,
      PYTHONPATH: fuzzDir,
      PYTHONDONTWRITEBYTECODE: '1',
      SCHEMATHESIS_HOOKS: 'bishop_checks',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
