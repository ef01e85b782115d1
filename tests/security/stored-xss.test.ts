import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { apiClient } from '../src/api-client.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

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
  let session: Record<string, unknown>;
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
    session = { ...up, accessTokenExpiresAt: Date.parse(up.accessTokenExpiresAt) };
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
  });
  after(async () => {
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
      const context = await browser.newContext();
      try {
        // The session as the app keeps it, and a trap for anything that would run.
        await context.addInitScript(
          `window.__xss = []; localStorage.setItem('bishop.session', ${JSON.stringify(JSON.stringify(session))});`,
        );
        const page = await context.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.goto(`${bishop.url}${path}`, { waitUntil: 'networkidle' });
        // The markup must be on the page as text: proof it was rendered, not merely absent.
        await page
          .waitForFunction(`${pageText}.includes("push('${shows}')")`, undefined, { timeout: 10_000 })
          .catch(async (error) => {
            throw new Error(
              `${path} does not show the stored text: ${(await page.evaluate<string>(pageText)).slice(0, 800)}`,
              {
                cause: error,
              },
            );
          });
        await page.waitForTimeout(500);
        const ran = await page.evaluate<string[]>('window.__xss');
        assert.deepEqual(ran, [], `markup ran on ${path}`);
        assert.deepEqual(dialogs, []);
      } finally {
        await context.close();
      }
    });
  }
});
