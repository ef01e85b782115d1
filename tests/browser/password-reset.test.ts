import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPgSqlClient } from '@bishop/infra';
import type { Browser } from 'playwright-core';
import { type BishopProcess, runBishop, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testDatabaseUrl, testModelEnvironment, uniqueSchema } from '../src/test-env.ts';
import { assertWebBuilt, freshPage, launchChromium, seriousAxeViolations } from './browser.ts';

/**
 * A locked-out owner gets back in: the log-in page says when to retry and how
 * to recover, the operator's `bishop users reset-password` link opens a page
 * that sets a new password (English and Russian, desktop and phone width,
 * axe-clean), and the new password works. `bishop start` runs on the
 * PostgreSQL server here, so the CLI can run beside it.
 */
describe('password reset in Chromium', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let browser: Browser;
  let env: Record<string, string>;
  const schema = uniqueSchema('reset');
  const email = 'locked.out@example.org';
  const password = 'marmalade skyline 5';

  before(async () => {
    await assertWebBuilt();
    dataDir = await temporaryDirectory('reset-browser');
    env = {
      BISHOP_DATA_DIR: dataDir.path,
      BISHOP_DATABASE_URL: testDatabaseUrl,
      BISHOP_DATABASE_SCHEMA: schema,
      BISHOP_READ_SCHEMA: `${schema}_read`,
      ...testModelEnvironment(),
    };
    [bishop, browser] = await Promise.all([startBishopProcess(env), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await bishop?.stop();
    const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    for (const suffix of ['', '_read', '_auth']) await sql.query(`DROP SCHEMA IF EXISTS "${schema}${suffix}" CASCADE`);
    await sql.close();
    await dataDir?.remove();
  });

  it('tells a locked-out owner when to retry and how to recover, and the operator’s link lets them back in', async () => {
    const { page, context, errors } = await freshPage(browser);
    try {
      const problems: string[] = [];
      const check = async (name: string) => {
        for (const v of await seriousAxeViolations(page)) problems.push(`${name}: ${v.id} (${v.impact}) ${v.help}`);
      };
      // Sign up, log out, then guess wrong until the account is locked.
      await page.goto(`${bishop.url}/signup`);
      await page.getByLabel('Full name').fill('Locked Out');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL(/\/avatars/);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.goto(`${bishop.url}/login`);
      for (let n = 0; n <= 5; n++) {
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(`wrong guess ${n}`);
        await Promise.all([
          page.waitForResponse((response) => response.url().endsWith('/graphql')),
          page.getByRole('button', { name: 'Log in' }).click(),
        ]);
        await page.getByRole('alert').waitFor();
      }
      const lockout = (await page.getByRole('alert').textContent()) ?? '';
      assert.match(lockout, /Try again at \d{1,2}:\d\d/, lockout);
      assert.match(lockout, /reset link/, lockout);
      assert.doesNotMatch(lockout, /\d+ s\b/, 'a time of day, not a count of seconds');
      await check('login (locked out)');

      // The operator makes a link; the owner opens it.
      const printed = await runBishop(['users', 'reset-password', email], env);
      assert.equal(printed.code, 0, printed.stderr);
      const link = /(http\S+\/reset-password#token=bishop_prt_\S+)/.exec(printed.stdout)?.[1] as string;
      assert.ok(link, printed.stdout);
      await page.goto(link.replace(/^http:\/\/[^/]+/, bishop.url));
      await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
      assert.doesNotMatch(page.url(), /token=/, 'the token leaves the address bar once read');
      await check('reset page');
      await page.getByLabel('New password').fill('password1');
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByText(/most common passwords/).waitFor();
      await page.getByLabel('New password').fill('a new dawn over the hills');
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByText('Your password has been changed. Log in with the new one.').waitFor();
      await check('reset done');
      await page.getByRole('link', { name: 'Go to log in' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('a new dawn over the hills');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/avatars/);
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('explains a missing or spent link, in Russian too, at phone width', async () => {
    const { page, context } = await freshPage(browser, { width: 390, height: 844, locale: 'ru-RU' });
    try {
      await page.goto(`${bishop.url}/reset-password`);
      await page.getByText(/нужна ссылка для сброса/).waitFor();
      const spent = `bishop_prt_${'A'.repeat(43)}`;
      // Opened as a link is: a fresh load, not a hash change within the page.
      await page.goto('about:blank');
      await page.goto(`${bishop.url}/reset-password#token=${spent}`);
      await page.getByLabel('Новый пароль').fill('a new dawn over the hills');
      await page.getByRole('button', { name: 'Сохранить новый пароль' }).click();
      await page.getByText(/ссылка для сброса не работает/).waitFor();
      const problems = await seriousAxeViolations(page);
      assert.deepEqual(problems, []);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      assert.ok(overflow <= 0, `no sideways scroll at phone width (${overflow} px)`);
    } finally {
      await context.close();
    }
  });
});
