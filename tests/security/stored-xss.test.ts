import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { apiClient } from '../src/api-client.ts';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { startAttackerSite } from './attacker-site.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = process.env.BISHOP_CHROMIUM ?? '/usr/bin/chromium';

/** Markup that, if the page ever treated it as HTML, would record where it ran in window.__xss. */
const payload = (where: string) =>
  `<img src=x onerror="window.__xss.push('${where}')"><svg onload="window.__xss.push('${where}')">`;
/** What a person sees on the page: its text and the values of its form fields (a persona card is a form). */
const pageText = `(document.body.innerText + ' ' + [...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' '))`;
const scriptPayload = (where: string) => `<script>window.__xss.push('${where}')</script>`;

/**
 * Stored XSS: a user's names, persona card, chat titles, messages and file
 * names full of markup, rendered by the real web app in Chromium. The pages
 * must show them as text; no handler or script of theirs may ever run.
 */
describe('security: stored XSS in the web app (Chromium)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let browser: Browser;
  let context: BrowserContext;
  let session: { refreshToken: string; user: unknown };
  let avatarId: string;
  let chatId: string;

  before(async () => {
    // The pages are the built app: build it if this checkout has not yet (about ten seconds).
    await access(`${root}web/build/index.html`).catch(() =>
      run(process.execPath, [`${root}node_modules/npm/bin/npm-cli.js`, 'run', 'build', '-w', 'web', '--silent'], {
        cwd: root,
      }).catch(() => run('npm', ['run', 'build', '-w', 'web', '--silent'], { cwd: root })),
    );
    dataDir = await temporaryDirectory('xss');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    const client = apiClient(bishop.url);
    const signUp = await client.gql(
      `mutation($i: SignUpInput!) {
         signUp(input: $i) { accessToken accessTokenExpiresAt refreshToken user { id email fullName } }
       }`,
      { i: { email: 'xss@example.org', fullName: payload('fullName'), password: 'long enough password' } },
    );
    const up = signUp.data?.signUp as {
      accessToken: string;
      accessTokenExpiresAt: string;
      refreshToken: string;
      user: unknown;
    };
    assert.ok(up, JSON.stringify(signUp.errors));
    session = up;
    const token = up.accessToken;
    ({ avatarId } = await client.createAvatar(token, payload('avatarName')));
    const edits = await Promise.all([
      client.gql(
        'mutation($a: ID!, $c: PersonaCardInput!) { editPersonaCard(id: $a, card: $c) { position } }',
        {
          a: avatarId,
          c: { description: payload('description'), personality: scriptPayload('personality'), languages: ['en'] },
        },
        { token },
      ),
      client.uploadTexts(token, avatarId, [{ name: `${payload('fileName')}.txt`, text: payload('materialText') }]),
    ]);
    assert.ok(!('errors' in edits[0]) || !edits[0].errors?.length, JSON.stringify(edits[0]));
    const chat = await client.gql(
      'mutation($a: ID!, $t: String!) { openChat(avatarId: $a, title: $t) { chatId } }',
      { a: avatarId, t: payload('chatTitle') },
      { token },
    );
    chatId = chat.data?.openChat?.chatId;
    assert.ok(chatId, JSON.stringify(chat.errors));
    await client.gql(
      'mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { position } }',
      { c: chatId, t: `${payload('message')} ${scriptPayload('messageScript')}` },
      { token },
    );
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    // The session as the web app keeps it (the refresh token in its HttpOnly cookie, the user in
    // localStorage), shared by every page below as by a person's tabs; and a trap for anything that would run.
    context = await browser.newContext();
    await context.addCookies([
      {
        name: 'bishop_refresh',
        value: session.refreshToken,
        url: `${bishop.url}/api/session`,
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
      },
    ]);
    await context.addInitScript(
      `window.__xss = []; localStorage.setItem('bishop.user', ${JSON.stringify(JSON.stringify(session.user))});`,
    );
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await bishop?.stop();
    await dataDir?.remove();
  });

  const pages = () => [
    { path: '/avatars', shows: 'avatarName' },
    { path: `/avatars/${avatarId}`, shows: 'description' },
    { path: `/avatars/${avatarId}/materials`, shows: 'avatarName' },
    { path: `/avatars/${avatarId}/chats`, shows: 'chatTitle' },
    { path: `/avatars/${avatarId}/chats/${chatId}`, shows: 'message' },
    { path: `/avatars/${avatarId}/history`, shows: 'avatarName' },
    { path: '/profile', shows: 'fullName' },
  ];

  for (const index of [0, 1, 2, 3, 4, 5, 6]) {
    const name = ['avatars', 'avatar', 'materials', 'chats', 'chat', 'history', 'profile'][index];
    it(`runs no stored markup on page ${index + 1} (${name})`, async () => {
      const { path, shows } = pages()[index] as { path: string; shows: string };
      const page = await context.newPage();
      try {
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.goto(`${bishop.url}${path}`, { waitUntil: 'networkidle' });
        // The markup must be on the page as text: proof it was rendered, not merely absent.
        // Polled from the test (page.waitForFunction would evaluate a string in the page, which its CSP forbids).
        const shown = () => page.evaluate<boolean>(`${pageText}.includes("push('${shows}')")`);
        await eventually(shown).catch(async (error) => {
          throw new Error(
            `${path} does not show the stored text: ${(await page.evaluate<string>(pageText)).slice(0, 800)}`,
            { cause: error },
          );
        });
        await page.waitForTimeout(500);
        const ran = await page.evaluate<string[]>('window.__xss');
        assert.deepEqual(ran, [], `markup ran on ${path}`);
        assert.deepEqual(dialogs, []);
      } finally {
        await page.close();
      }
    });
  }

  it('sends a strict CSP header on the app: every inline script hashed, no unsafe-inline or eval, no framing', async () => {
    for (const path of ['/', '/avatars', '/login']) {
      const response = await fetch(`${bishop.url}${path}`);
      const html = await response.text();
      const policy = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
      assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*|data:|https?:/, `${path}: ${scriptSrc}`);
      // SvelteKit hashed its inline bootstrap itself (kit.csp, into a <meta> policy): the header must allow exactly that.
      const inline = [...html.matchAll(/'sha256-[A-Za-z0-9+/=]+'/g)].map(([hash]) => hash);
      assert.ok(inline.length > 0 && /<script>/.test(html), 'the page has its hashed inline bootstrap');
      for (const hash of inline) assert.ok(scriptSrc.includes(hash), `${path}: ${hash} is allowed by the header`);
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
        assert.ok(policy.includes(directive), `${path}: ${directive}`);
      }
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'same-origin');
    }
    const api = await fetch(`${bishop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff', 'the API answers are never sniffed');
    assert.match(api.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    await api.arrayBuffer();
  });

  it('runs no script injected into the page: inline scripts and handlers, string timers and javascript: URLs are refused by the CSP', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${bishop.url}/avatars`, { waitUntil: 'networkidle' });
      // As an HTML-injection bug would: markup with a handler, a new inline script, and a string run by eval.
      const outcome = await page.evaluate<string>(`(() => {
        const host = document.createElement('div');
        host.innerHTML = '<img src=x onerror="window.__xss.push(2)">';
        document.body.append(host);
        const script = document.createElement('script');
        script.textContent = 'window.__xss.push(3)';
        document.body.append(script);
        setTimeout('window.__xss.push(4)');
        const link = document.createElement('a');
        link.href = 'javascript:window.__xss.push(5)';
        document.body.append(link);
        link.click();
        return 'injected';
      })()`);
      await page.waitForTimeout(500);
      assert.equal(outcome, 'injected');
      assert.deepEqual(await page.evaluate<number[]>('window.__xss'), []);
    } finally {
      await page.close();
    }
  });

  it('cannot be framed by another site (clickjacking)', async () => {
    const attacker = await startAttackerSite();
    const page = await context.newPage();
    try {
      await page.goto(attacker.page(`<iframe src="${bishop.url}/avatars"></iframe>`));
      await page.waitForTimeout(1500);
      const framed = page.frames().find((frame) => frame !== page.mainFrame());
      const text = await framed?.evaluate<string>('document.body?.innerText ?? ""').catch(() => '');
      assert.doesNotMatch(text ?? '', /avatars|Bishop/i, 'the app did not render inside the frame');
      assert.notEqual(framed?.url(), `${bishop.url}/avatars`);
    } finally {
      await page.close();
      attacker.close();
    }
  });
});
