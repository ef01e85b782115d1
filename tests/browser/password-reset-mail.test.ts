import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { assertWebBuilt, freshPage, launchChromium, seriousAxeViolations } from './browser.ts';

/** A mail as the local SMTP sink received it. */
interface Mail {
  readonly to: string[];
  readonly raw: string;
}

/** The body of a quoted-printable mail as text (soft line breaks joined, =XX bytes decoded as UTF-8). */
function quotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/**
 * Where SMTP is set up (BISHOP_SMTP_URL), a locked-out owner asks for a reset link by email on
 * the log-in page, gets it from a local SMTP sink (the smtp-server package) and sets a new
 * password with it; an address without an account gets the same answer and no mail.
 */
describe('password reset by email in Chromium (SMTP sink)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let browser: Browser;
  let sink: SMTPServer;
  const mails: Mail[] = [];
  const email = 'forgetful@example.org';
  const password = 'marmalade skyline 5';

  before(async () => {
    await assertWebBuilt();
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('latin1'),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const { port } = sink.server.address() as AddressInfo;
    dataDir = await temporaryDirectory('reset-mail-browser');
    [bishop, browser] = await Promise.all([
      startBishopProcess({
        BISHOP_DATA_DIR: dataDir.path,
        ...testModelEnvironment(),
        BISHOP_SMTP_URL: `smtp://127.0.0.1:${port}`,
        BISHOP_MAIL_FROM: 'Bishop <bishop@example.org>',
      }),
      launchChromium(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await bishop?.stop();
    await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
    await dataDir?.remove();
  });

  it('mails a locked-out owner a one-time link that sets a new password; an unknown address gets no mail', async () => {
    const { page, context, errors } = await freshPage(browser);
    context.setDefaultTimeout(90_000);
    try {
      // Sign up, sign out, then guess wrong until the account is locked.
      await page.goto(`${bishop.url}/signup`);
      await page.getByLabel('Full name').fill('Forgetful Owner');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL(/\/avatars/);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.goto(`${bishop.url}/login`);
      for (let n = 0; n <= 5; n++) {
        await page.getByLabel('Email', { exact: true }).fill(email);
        await page.getByLabel('Password').fill(`wrong guess ${n}`);
        await Promise.all([
          page.waitForResponse((response) => response.url().endsWith('/graphql')),
          page.getByRole('button', { name: 'Log in' }).click(),
        ]);
        await page.getByRole('alert').waitFor();
      }
      // The lockout names this Bishop's way back in: a link by email.
      const lockout = (await page.getByRole('alert').textContent()) ?? '';
      assert.match(lockout, /Ask for a reset link by email below/, lockout);

      // An address without an account: the same answer, and no mail.
      await page.getByText('Forgot your password?', { exact: true }).click();
      const forgot = page.getByLabel('Email of your account');
      await forgot.fill('nobody@example.org');
      await page.getByRole('button', { name: 'Email me a reset link' }).click();
      await page.getByText('If an account has this address, a reset link is on its way.', { exact: false }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);

      // The owner's address: a mail with the link arrives.
      await page.reload();
      await page.getByText('Forgot your password?', { exact: true }).click();
      await page.getByLabel('Email of your account').fill(email.toUpperCase());
      await page.getByRole('button', { name: 'Email me a reset link' }).click();
      await page.getByText('If an account has this address, a reset link is on its way.', { exact: false }).waitFor();
      for (let wait = 0; mails.length === 0 && wait < 100; wait++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(mails.length, 1, 'one mail, to the owner only');
      assert.deepEqual(mails[0]?.to, [email]);
      const body = quotedPrintable(mails[0]?.raw ?? '');
      const link = /(http\S+\/reset-password#token=bishop_prt_[A-Za-z0-9_-]+)/.exec(body)?.[1];
      assert.ok(link, body);

      // The link sets a new password, which then logs in.
      await page.goto(link.replace(/^http:\/\/[^/]+/, bishop.url));
      await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
      await page.getByLabel('New password').fill('a new dawn over the hills');
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByText('Your password has been changed. Log in with the new one.').waitFor();
      await page.getByRole('link', { name: 'Go to log in' }).click();
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password').fill('a new dawn over the hills');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/avatars/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
