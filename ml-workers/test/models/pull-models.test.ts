import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  checkModels,
  defaultModels,
  type ModelSettings,
  manifestFileName,
  modelSettings,
  pullModels,
  readManifest,
} from '../../src/models/index.ts';

/** A fake Hugging Face hub: `/<model>/resolve/<revision>/<file>`, ONNX files redirected to a CDN path as the real hub does. */
interface FakeHub {
  readonly url: string;
  readonly requests: string[];
  readonly ranges: string[];
  files: Map<string, Buffer>;
  stallAfter?: number | undefined;
  close(): Promise<void>;
}

async function startFakeHub(): Promise<FakeHub> {
  const requests: string[] = [];
  const ranges: string[] = [];
  const hub: { files: Map<string, Buffer>; stallAfter?: number | undefined } = { files: new Map() };
  const server: Server = createServer((request, response) => {
    const path = decodeURI(request.url ?? '');
    requests.push(path);
    if (request.headers.range && path.startsWith('/cdn/')) ranges.push(`${path} ${request.headers.range}`);
    const cdn = path.startsWith('/cdn/');
    const body = hub.files.get(cdn ? path.slice('/cdn'.length) : path);
    if (!body) return void response.writeHead(404).end('Entry not found');
    if (!cdn && path.endsWith('.onnx')) return void response.writeHead(302, { location: `/cdn${path}` }).end();
    if (hub.stallAfter !== undefined) {
      // Headers and the first bytes, then nothing: a connection that hangs mid-file.
      response.writeHead(200, { 'content-length': body.length }).write(body.subarray(0, hub.stallAfter));
      return;
    }
    const from = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1] ?? Number.NaN);
    if (Number.isFinite(from)) {
      const rest = body.subarray(from);
      response.writeHead(206, {
        'content-length': rest.length,
        'content-range': `bytes ${from}-${body.length - 1}/${body.length}`,
      });
      return void response.end(rest);
    }
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(hub, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    ranges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function publish(hub: FakeHub, settings: ModelSettings, capability: 'asr' | 'vad', skip: string[] = []): void {
  const { name, revision, files } = settings.choices[capability];
  for (const file of files) {
    if (!skip.includes(file)) hub.files.set(`/${name}/resolve/${revision}/${file}`, Buffer.from(`${name}:${file}\n`));
  }
}

describe('pullModels against a local fake hub', () => {
  let hub: FakeHub;
  let root: string;
  let modelsDir: string;
  let settings: ModelSettings;
  before(async () => {
    hub = await startFakeHub();
    root = await mkdtemp(join(tmpdir(), 'bishop-pull-'));
  });
  after(async () => {
    await hub.close();
    await rm(root, { recursive: true, force: true });
  });
  beforeEach(async () => {
    modelsDir = await mkdtemp(join(root, 'models-'));
    settings = modelSettings(modelsDir, {
      BISHOP_ASR_MODEL: 'test-org/whisper-test',
      BISHOP_VAD_MODEL: 'test-org/vad-test',
    });
    hub.files = new Map();
    hub.requests.length = 0;
    hub.ranges.length = 0;
    hub.stallAfter = undefined;
  });

  it('downloads every file, follows redirects, records sha256s, and then the models check ready', async () => {
    publish(hub, settings, 'asr');
    publish(hub, settings, 'vad');
    const progress: number[] = [];
    const results = await pullModels(settings, {
      hubUrl: hub.url,
      only: ['asr', 'vad'],
      onProgress: (p) => progress.push(p.receivedBytes),
    });
    assert.deepEqual(
      results.map((r) => [r.capability, r.status, r.downloaded.length]),
      [
        ['asr', 'downloaded', 7],
        ['vad', 'downloaded', 1],
      ],
    );
    const encoder = join(modelsDir, 'test-org', 'whisper-test', 'onnx', 'encoder_model.onnx');
    assert.equal(await readFile(encoder, 'utf8'), 'test-org/whisper-test:onnx/encoder_model.onnx\n');
    assert.ok(
      hub.requests.some((r) => r.startsWith('/cdn/test-org/whisper-test/')),
      'redirects were followed',
    );
    const manifest = await readManifest(join(modelsDir, 'test-org', 'whisper-test'));
    assert.equal(manifest?.revision, 'main');
    assert.equal(
      manifest?.files['onnx/encoder_model.onnx']?.sha256,
      sha256(Buffer.from('test-org/whisper-test:onnx/encoder_model.onnx\n')),
    );
    assert.ok(progress.length >= 8);
    assert.deepEqual(
      (await checkModels(settings, ['asr', 'vad'])).map((s) => s.ready),
      [true, true],
    );

    hub.requests.length = 0;
    const again = await pullModels(settings, { hubUrl: hub.url, only: ['asr', 'vad'] });
    assert.deepEqual(
      again.map((r) => r.status),
      ['present', 'present'],
    );
    assert.deepEqual(hub.requests, [], 'files already recorded are not fetched again');
  });

  it('keeps nothing when a file does not match its pinned sha256', async () => {
    publish(hub, settings, 'asr');
    const pinned: ModelSettings = {
      ...settings,
      choices: {
        ...settings.choices,
        asr: {
          ...settings.choices.asr,
          sha256: {
            'config.json': sha256(Buffer.from('test-org/whisper-test:config.json\n')),
            'tokenizer.json': 'f'.repeat(64),
          },
        },
      },
    };
    const [result] = await pullModels(pinned, { hubUrl: hub.url, only: ['asr'] });
    assert.equal(result?.status, 'failed');
    assert.match(result?.error ?? '', /tokenizer\.json has sha256 [0-9a-f]{64}, but f{64} is pinned/);
    assert.deepEqual(result?.downloaded, ['config.json', 'generation_config.json', 'preprocessor_config.json']);
    const directory = join(modelsDir, 'test-org', 'whisper-test');
    assert.deepEqual((await readdir(directory)).sort(), [
      manifestFileName,
      'config.json',
      'generation_config.json',
      'preprocessor_config.json',
    ]);
  });

  it('fetches again a file on disk that does not match its pin', async () => {
    publish(hub, settings, 'vad');
    const good = Buffer.from('test-org/vad-test:silero_vad.onnx\n');
    const pinned: ModelSettings = {
      ...settings,
      choices: { ...settings.choices, vad: { ...settings.choices.vad, sha256: { 'silero_vad.onnx': sha256(good) } } },
    };
    const path = join(modelsDir, 'test-org', 'vad-test', 'silero_vad.onnx');
    await mkdir(join(modelsDir, 'test-org', 'vad-test'), { recursive: true });
    await writeFile(path, 'damaged copy');
    const [result] = await pullModels(pinned, { hubUrl: hub.url, only: ['vad'] });
    assert.deepEqual([result?.status, result?.downloaded], ['downloaded', ['silero_vad.onnx']]);
    assert.deepEqual(await readFile(path), good);
  });

  it('verifies the catalogue pins against what the hub serves', async () => {
    const catalogue = modelSettings(modelsDir, {});
    const { name, revision } = defaultModels.embedder;
    for (const file of catalogue.choices.embedder.files) {
      hub.files.set(`/${name}/resolve/${revision}/${file}`, Buffer.from('not the real weights'));
    }
    const [result] = await pullModels(catalogue, { hubUrl: hub.url, only: ['embedder'] });
    assert.equal(result?.status, 'failed');
    assert.match(result?.error ?? '', /f80102d3f2a1229f387d3c81909990d8945513e347b0eab049f7de3c6f98c193 is pinned/);
  });

  it('reports a 404 with the URL and still pulls the other models', async () => {
    publish(hub, settings, 'asr', ['onnx/decoder_model_merged.onnx']);
    publish(hub, settings, 'vad');
    const [asr, vad] = await pullModels(settings, { hubUrl: hub.url, only: ['asr', 'vad'] });
    assert.equal(asr?.status, 'failed');
    assert.equal(
      asr?.error,
      `GET ${hub.url}/test-org/whisper-test/resolve/main/onnx/decoder_model_merged.onnx answered HTTP 404 Not Found`,
    );
    assert.equal(vad?.status, 'downloaded');
    const [status] = await checkModels(settings, ['asr']);
    assert.deepEqual(status?.missing, [
      join(modelsDir, 'test-org', 'whisper-test', 'onnx', 'decoder_model_merged.onnx'),
    ]);
  });

  it('resumes an interrupted download from its partial file with a Range request', async () => {
    const file = 'silero_vad.onnx';
    const body = Buffer.from('0123456789'.repeat(100));
    hub.files.set(`/test-org/vad-test/resolve/main/${file}`, body);
    const directory = join(modelsDir, 'test-org', 'vad-test');
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, `.${file}.part`), body.subarray(0, 400));
    const [result] = await pullModels(settings, { hubUrl: hub.url, only: ['vad'] });
    assert.equal(result?.status, 'downloaded');
    assert.deepEqual(hub.ranges, [`/cdn/test-org/vad-test/resolve/main/${file} bytes=400-`]);
    assert.deepEqual(await readFile(join(directory, file)), body);
    assert.equal((await readManifest(directory))?.files[file]?.sha256, sha256(body), 'hashed over both parts');
  });

  it('gives up on a stalled download saying so, and keeps what arrived for the next pull', async () => {
    const file = 'silero_vad.onnx';
    const body = Buffer.from('abcdefghij'.repeat(50));
    hub.files.set(`/test-org/vad-test/resolve/main/${file}`, body);
    hub.stallAfter = 100;
    const [stalled] = await pullModels(settings, { hubUrl: hub.url, only: ['vad'], stallTimeoutMs: 300 });
    assert.equal(stalled?.status, 'failed');
    assert.match(stalled?.error ?? '', /silero_vad\.onnx: no data for 0\.3 s, gave up \(run pull again to resume\)/);
    hub.stallAfter = undefined;
    const [resumed] = await pullModels(settings, { hubUrl: hub.url, only: ['vad'] });
    assert.equal(resumed?.status, 'downloaded');
    assert.deepEqual(hub.ranges, [`/cdn/test-org/vad-test/resolve/main/${file} bytes=100-`]);
    assert.deepEqual(await readFile(join(modelsDir, 'test-org', 'vad-test', file)), body);
  });

  it('names the address and the network’s reason when the hub cannot be reached', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [result] = await pullModels(settings, { hubUrl: `http://127.0.0.1:${port}`, only: ['vad'] });
    assert.equal(result?.status, 'failed');
    assert.equal(
      result?.error,
      `Cannot download http://127.0.0.1:${port}/test-org/vad-test/resolve/main/silero_vad.onnx: ECONNREFUSED (run pull again to resume)`,
    );
  });
});
