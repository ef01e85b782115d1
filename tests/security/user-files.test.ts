import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../browser/browser.ts';
import { apiClient } from '../src/api-client.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { startAttackerSite } from './attacker-site.ts';
import { hostileBrokenPdf, hostileHtml, hostileSvg } from './hostile-files.ts';
import { freePort, tracesOfOpening } from './victim-browser.ts';

const ACTIVE_TYPES = /html|svg|xml|javascript|ecmascript|pdf|x-shockwave|multipart/i;
const password = 'correct horse battery';

/**
 * Stored XSS through user files: HTML and SVG with scripts (and a PDF whose extraction
 * fails) uploaded as materials, then opened as an attacker would make a victim open them
 * — the signed URL typed into Chromium's address bar (on the media origin and on the
 * app's own), framed by a hostile page — must run nothing and read nothing: no request,
 * no dialog, the session cookie untouched. Bishop runs with BISHOP_MEDIA_ORIGIN
 * (http://localhost:<port>, another origin and site than the app's http://127.0.0.1:<port>).
 */
describe('security: user files are never active content', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let mediaOrigin: string;
  let browser: Browser;
  let context: BrowserContext;
  let attacker: Awaited<ReturnType<typeof startAttackerSite>>;
  let token: string;
  let avatarId: string;
  const urls: Record<string, string> = {};
  const ids: Record<string, string> = {};

  before(async () => {
    dataDir = await temporaryDirectory('user-files');
    const port = await freePort();
    mediaOrigin = `http://localhost:${port}`;
    [bishop, browser, attacker] = await Promise.all([
      startBishopProcess({
        BISHOP_DATA_DIR: dataDir.path,
        BISHOP_PORT: String(port),
        BISHOP_MEDIA_ORIGIN: mediaOrigin,
        ...testModelEnvironment(),
      }),
      launchChromium(),
      startAttackerSite(),
    ]);
    const client = apiClient(bishop.url);
    token = await client.signUp('victim@example.org', 'Victim', password);
    ({ avatarId } = await client.createAvatar(token, 'Garden'));
    const form = new FormData();
    form.append('file', new Blob([hostileHtml], { type: 'text/html' }), 'notes.html');
    form.append('file', new Blob([hostileSvg], { type: 'text/html' }), 'drawing.html');
    form.append('file', new Blob([hostileBrokenPdf], { type: 'application/pdf' }), 'broken.pdf');
    const upload = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const { results } = (await upload.json()) as { results: { fileName: string; materialId?: string }[] };
    for (const result of results) {
      assert.ok(result.materialId, `${result.fileName} uploaded: ${JSON.stringify(result)}`);
      ids[result.fileName] = result.materialId;
    }
    // Every material settled (READY or FAILED), so its extracted text exists where there is one.
    for (let attempt = 0; attempt < 120; attempt++) {
      const materials = await client.materials(token, avatarId);
      if (materials.length === 3 && materials.every((m) => m.state === 'READY' || m.state === 'FAILED')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const listed = await client.gql<{
      avatar: { materials: { fileName: string; state: string; downloadUrl: string }[] };
    }>('query($a: ID!) { avatar(id: $a) { materials { fileName state downloadUrl } } }', { a: avatarId }, { token });
    for (const material of listed.data?.avatar.materials ?? []) urls[material.fileName] = material.downloadUrl;
    assert.equal(listed.data?.avatar.materials.find((m) => m.fileName === 'broken.pdf')?.state, 'FAILED');

    // The victim, signed in through the real log-in page: the refresh token is in its cookie now.
    context = await browser.newContext();
    const login = await context.newPage();
    await login.goto(`${bishop.url}/login`);
    await login.getByLabel('Email').fill('victim@example.org');
    await login.getByLabel('Password').fill(password);
    await login.getByRole('button', { name: 'Log in' }).click();
    await login.getByRole('heading', { name: 'Your avatars' }).waitFor();
    await login.close();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    attacker?.close();
    await bishop?.stop();
    await dataDir?.remove();
  });

  const victimOpens = (open: (page: Page) => Promise<unknown>) => tracesOfOpening(context, bishop.url, open);

  for (const name of ['notes.html', 'drawing.html', 'broken.pdf']) {
    it(`serves ${name} as a sandboxed attachment of a passive type, on both origins`, async () => {
      const signed = urls[name] ?? '';
      assert.ok(signed.startsWith(`${mediaOrigin}/api/media/`), `signed on the media origin: ${signed}`);
      for (const url of [signed, signed.replace(mediaOrigin, bishop.url)]) {
        const response = await fetch(url);
        assert.equal(response.status, 200, url);
        const type = response.headers.get('content-type') ?? '';
        assert.doesNotMatch(type, ACTIVE_TYPES, `${name} went out as ${type}`);
        assert.equal(type, 'application/octet-stream');
        assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename=/);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(response.headers.get('content-security-policy'), "sandbox; default-src 'none'");
        await response.arrayBuffer();
      }
    });

    it(`runs nothing when the victim opens ${name} from its signed URL in the address bar (media origin and app origin)`, async () => {
      const signed = urls[name] ?? '';
      assert.deepEqual(await victimOpens((page) => page.goto(signed)), []);
      assert.deepEqual(await victimOpens((page) => page.goto(signed.replace(mediaOrigin, bishop.url))), []);
    });

    it(`runs nothing when a hostile page frames ${name}`, async () => {
      const signed = urls[name] ?? '';
      const traces = await victimOpens(async (page) => {
        const frames = `<iframe src="${signed}"></iframe><iframe src="${signed.replace(mediaOrigin, bishop.url)}"></iframe>`;
        await page.goto(attacker.page(frames));
      });
      assert.deepEqual(traces, []);
    });
  }

  it('refuses an .svg upload outright', async () => {
    const form = new FormData();
    form.append('file', new Blob([hostileSvg], { type: 'image/svg+xml' }), 'drawing.svg');
    const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { results: { error?: { bishopCode?: string } }[] };
    assert.equal(body.results[0]?.error?.bishopCode, 'BISHOP_ERR_FILE_UNSUPPORTED', JSON.stringify(body));
  });

  it('shows extracted text inline only as UTF-8 plain text in a sandbox: the markup is text, the page has no origin, reads no storage', async () => {
    const path = `/api/media/avatars/${avatarId}/materials/${ids['notes.html']}/text.txt`;
    const response = await fetch(`${bishop.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /^inline; filename=/);
    assert.equal(response.headers.get('content-security-policy'), "sandbox; default-src 'none'");
    await response.arrayBuffer();
    const traces = await victimOpens(async (page) => {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
      await page.goto(`${bishop.url}${path}`);
      assert.equal(await page.evaluate('document.contentType'), 'text/plain');
      assert.equal(await page.evaluate('window.origin'), 'null', 'a sandboxed page has an opaque origin');
      assert.equal(
        await page.evaluate("(() => { try { return localStorage.length } catch { return 'refused' } })()"),
        'refused',
      );
      assert.equal(
        await page.evaluate("(() => { try { return document.cookie } catch { return 'refused' } })()"),
        'refused',
      );
    });
    assert.deepEqual(traces, []);
  });

  it('names downloads safely (RFC 6266/5987) whatever the uploaded name', async () => {
    const hostileName = 'Отчёт "q"; filename=evil.html; x=\u202egpj.exe%0d%0a.txt';
    const form = new FormData();
    form.append('file', new Blob(['plain words for a plain text file'], { type: 'text/plain' }), hostileName);
    const upload = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const [result] = ((await upload.json()) as { results: { fileName: string; materialId: string }[] }).results;
    assert.ok(result?.materialId, JSON.stringify(result));
    const response = await fetch(
      `${bishop.url}/api/media/avatars/${avatarId}/materials/${result.materialId}/original`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    await response.arrayBuffer();
    const match = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~-]+)$/.exec(
      disposition,
    );
    assert.ok(match, `well-formed: ${disposition}`);
    assert.doesNotMatch(match[1] ?? '', /["\\%]/, 'the ASCII fallback needs no escapes');
    assert.equal(decodeURIComponent(match[2] ?? ''), result.fileName, 'filename* carries the stored name exactly');
    assert.doesNotMatch(
      result.fileName,
      /[\u202e"\r\n]/,
      'bidi overrides, quotes and line breaks were dropped at upload',
    );
  });

  it('serves every export as a sandboxed attachment (ZIP, timeline, chat JSON and Markdown)', async () => {
    const chat = await apiClient(bishop.url).gql<{ openChat: { chatId: string; position: string } }>(
      'mutation($a: ID!) { openChat(avatarId: $a, title: "<script>alert(1)</script>") { chatId position } }',
      { a: avatarId },
      { token },
    );
    const { chatId, position } = chat.data?.openChat ?? {};
    assert.ok(chatId && position, JSON.stringify(chat.errors));
    for (const path of [
      `/api/avatars/${avatarId}/export`,
      `/api/avatars/${avatarId}/timeline.jsonl`,
      `/api/chats/${chatId}/export`,
      `/api/chats/${chatId}/export?format=markdown`,
    ]) {
      const response = await fetch(`${bishop.url}${path}`, {
        headers: { authorization: `Bearer ${token}`, 'bishop-consistent-with': position },
      });
      assert.equal(response.status, 200, path);
      assert.doesNotMatch(response.headers.get('content-type') ?? '', ACTIVE_TYPES, path);
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename=/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('content-security-policy'), "sandbox; default-src 'none'", path);
      await response.arrayBuffer();
    }
  });

  it('serves nothing but media on the media origin (no app, no API, no session routes)', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/login'],
      ['POST', '/graphql'],
      ['POST', '/api/session/refresh'],
      ['GET', `/api/avatars/${avatarId}/export`],
    ] as const) {
      const response = await fetch(`${mediaOrigin}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'bishop-session': 'cookie', 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      // GraphQL answers its refusals in `errors` (with HTTP 200, as GraphQL over HTTP allows); the rest say 404.
      const body = await response.text();
      assert.match(
        body,
        /is not served on the media origin/,
        `${method} ${path}: ${response.status} ${body.slice(0, 200)}`,
      );
      assert.match(body, /NOT_FOUND/);
    }
  });
});
