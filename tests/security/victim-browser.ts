import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { isAttackRequest } from './hostile-files.ts';

/** A port free right now, for a Bishop whose media origin must be known before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const refreshCookieOf = async (context: BrowserContext, appUrl: string) =>
  (await context.cookies(`${appUrl}/api/session/refresh`)).find((cookie) => cookie.name === 'bishop_refresh')?.value;

/**
 * Opens `open(page)` in a signed-in victim's browser and lists every trace a script of the
 * opened file would leave if it ran (see hostile-files.ts): requests to the session routes,
 * /graphql or /pwned, dialogs, a changed title, a used session cookie, a written localStorage.
 */
export async function tracesOfOpening(
  context: BrowserContext,
  appUrl: string,
  open: (page: Page) => Promise<unknown>,
): Promise<string[]> {
  const cookieBefore = await refreshCookieOf(context, appUrl);
  assert.ok(cookieBefore, 'the victim is signed in');
  const page = await context.newPage();
  const traces: string[] = [];
  page.on('request', (request) => {
    if (isAttackRequest(request.url())) traces.push(`request ${request.method()} ${request.url()}`);
  });
  page.on('dialog', (dialog) => {
    traces.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('download', (download) => void download.cancel());
  try {
    await open(page).catch((error: Error) => {
      // A download instead of a page is exactly what an attachment should give.
      if (!/Download is starting|net::ERR_ABORTED/.test(error.message)) throw error;
    });
    await page.waitForTimeout(1500);
    const titles = await Promise.all(page.frames().map((frame) => frame.title().catch(() => '')));
    if (titles.includes('PWNED')) traces.push('a script set the title');
  } finally {
    await page.close();
  }
  // Nothing the victim holds was read or used: the cookie did not rotate, storage was not written
  // (read on a plain JSON page of the app's origin, where no app code runs to refresh anything).
  if ((await refreshCookieOf(context, appUrl)) !== cookieBefore) traces.push('the session cookie was used');
  const appOrigin = await context.newPage();
  await appOrigin.goto(`${appUrl}/healthz`);
  const pwned = await appOrigin.evaluate<string | null>("localStorage.getItem('pwned')");
  await appOrigin.close();
  if (pwned !== null) traces.push('a script wrote the app origin localStorage');
  return traces;
}
