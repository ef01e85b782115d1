import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory } from '../src/test-env.ts';

describe('bishop start (embedded defaults, real HTTP)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;

  before(async () => {
    dataDir = await temporaryDirectory('start');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path });
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  it('answers /healthz with its version', async () => {
    const response = await fetch(`${bishop.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', version: '0.1.0' });
  });

  it('reports every dependency ready on /readyz', async () => {
    const response = await fetch(`${bishop.url}/readyz`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { ok: boolean; optional?: boolean }>;
    };
    assert.equal(body.status, 'ready');
    const essential = Object.entries(body.checks).filter(([, check]) => !check.optional);
    assert.deepEqual(essential.map(([name]) => name).sort(), [
      'blobStore',
      'bus',
      'database',
      'eventStore',
      'projections',
      'readModels',
    ]);
    assert.ok(essential.every(([, check]) => check.ok));
    // No models in a fresh data directory: each capability is reported missing, and Bishop stays ready.
    assert.equal(body.checks['model:asr']?.ok, false);
    assert.equal(body.checks['model:asr']?.optional, true);
  });

  it('prints where it listens and where its data lives', () => {
    assert.match(bishop.output(), new RegExp(`listening on http://127\\.0\\.0\\.1:\\d+ \\(data: ${dataDir.path}\\)`));
  });

  it('stops cleanly on Ctrl+C and starts again on the same data', async () => {
    assert.equal(await bishop.stop(), 0);
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path });
    assert.equal((await fetch(`${bishop.url}/readyz`)).status, 200);
  });
});

describe('bishop start with bad configuration', () => {
  it('refuses to start and names every problem', async () => {
    const result = await runBishop(['start'], {
      BISHOP_PORT: 'eighty',
      BISHOP_EVENT_STORE: 'esdb',
      BISHOP_MASTER_KEY: 'short',
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /BISHOP_PORT must be a number/);
    assert.match(result.stderr, /BISHOP_MASTER_KEY must be 32 random bytes/);
    assert.match(result.stderr, /BISHOP_ESDB_URL is required when BISHOP_EVENT_STORE=esdb/);
    assert.match(result.stderr, /BISHOP_DATABASE_URL is required when BISHOP_EVENT_STORE=esdb/);
  });

  it('rejects an unknown command with usage', async () => {
    const result = await runBishop(['frobnicate']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Unknown command "frobnicate"/);
  });
});
