/**
 * A real XTTS-style speech server for tests, run as its own process:
 * `POST /tts` multipart (`text`, `language`, optional file `speaker_wav`) →
 * `audio/wav` spoken by espeak-ng. It cannot clone (espeak-ng has no such
 * thing), but it checks that a sent speaker_wav is real audio (ffprobe) and
 * logs each request, so tests see exactly what Bishop sent. `GET /requests`
 * returns the log; `POST /tts?fail=1` answers 500 like a broken server.
 *
 *   node tests/src/tts-http-server.ts [port]   → prints "tts server listening on http://127.0.0.1:<port>"
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoggedTtsRequest {
  readonly text: string;
  readonly language: string;
  /** Bytes of speaker_wav, 0 when none was sent. */
  readonly speakerBytes: number;
  /** What ffprobe made of speaker_wav (`wav`, `ogg`…), null when none was sent. */
  readonly speakerFormat: string | null;
  readonly authorization: string | null;
}

const log: LoggedTtsRequest[] = [];

async function formOf(request: IncomingMessage): Promise<FormData> {
  const body = Readable.toWeb(request) as ReadableStream<Uint8Array>;
  const headers = { 'content-type': request.headers['content-type'] ?? '' };
  return new Request('http://local/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit).formData();
}

async function formatOf(bytes: Uint8Array): Promise<string> {
  const path = join(tmpdir(), `tts-ref-${randomUUID()}`);
  await writeFile(path, bytes);
  try {
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=format_name',
      '-of',
      'csv=p=0',
      path,
    ]);
    return stdout.trim();
  } finally {
    await rm(path, { force: true });
  }
}

async function speak(text: string, language: string): Promise<Uint8Array> {
  const path = join(tmpdir(), `tts-out-${randomUUID()}.wav`);
  try {
    await run('espeak-ng', ['-v', language === 'ru' ? 'ru' : 'en-us', '-w', path, '--', text]);
    return await readFile(path);
  } finally {
    await rm(path, { force: true });
  }
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://local');
    if (request.method === 'GET' && url.pathname === '/requests') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log));
      return;
    }
    if (request.method !== 'POST' || url.pathname !== '/tts') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const form = await formOf(request);
    const text = String(form.get('text') ?? '');
    const language = String(form.get('language') ?? 'en');
    const speaker = form.get('speaker_wav');
    const speakerBytes = speaker instanceof Blob ? new Uint8Array(await speaker.arrayBuffer()) : null;
    log.push({
      text,
      language,
      speakerBytes: speakerBytes?.length ?? 0,
      speakerFormat: speakerBytes ? await formatOf(speakerBytes) : null,
      authorization: request.headers.authorization ?? null,
    });
    if (url.searchParams.get('fail')) {
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"detail":"model crashed"}');
      return;
    }
    if (!text.trim()) {
      response.writeHead(422, { 'content-type': 'application/json' }).end('{"detail":"text is empty"}');
      return;
    }
    const wav = await speak(text, language);
    response.writeHead(200, { 'content-type': 'audio/wav', 'x-tts-model': 'espeak-ng test server' }).end(wav);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`tts server listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
