import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { assertWebBuilt, audioFixtures, launchChromium } from './browser.ts';

export interface BishopInChromium {
  readonly bishop: BishopProcess;
  readonly browser: Browser;
  /** The path of an audio or video fixture (tests/fixtures/audio). */
  fixture(name: string): string;
}

/**
 * Registers the suite's hooks: a real `bishop start` on test models and its own data directory, Debian's
 * Chromium and the audio fixtures before it, all stopped and removed after. Replies come from the retrieval
 * responder (the person's own closest past answer, so pages show real words; the random-weight test LLM
 * writes noise and its path is covered by tests/e2e/replies.test.ts): pages must say no LLM is installed.
 */
export function bishopInChromium(
  dataName: string,
  options: { chromiumArgs?: () => Promise<string[]>; startTimeoutMs?: number } = {},
): BishopInChromium {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>> | undefined;
  let started: { bishop: BishopProcess; browser: Browser; fixture: (name: string) => string } | undefined;
  before(async () => {
    await assertWebBuilt();
    dataDir = await temporaryDirectory(dataName);
    const [bishop, browser, fixture] = await Promise.all([
      startBishopProcess(
        { BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment(), BISHOP_LLM_MODEL: 'llm-not-installed' },
        options.startTimeoutMs,
      ),
      (options.chromiumArgs?.() ?? Promise.resolve([])).then((args) => launchChromium(args)),
      audioFixtures(),
    ]);
    started = { bishop, browser, fixture };
  });
  after(async () => {
    await started?.browser.close();
    await started?.bishop.stop();
    await dataDir?.remove();
  });
  const ready = () => {
    if (!started) throw new Error('bishop and Chromium start in the suite’s before hook');
    return started;
  };
  return {
    get bishop() {
      return ready().bishop;
    },
    get browser() {
      return ready().browser;
    },
    fixture: (name) => ready().fixture(name),
  };
}

/** Signs a new user up (a unique email) and creates an avatar; ends on the avatar's page. */
export async function signUpWithAvatar(page: Page, baseUrl: string, fullName: string, avatar: string): Promise<void> {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Full name').fill(fullName);
  await page.getByLabel('Email').fill(`user-${crypto.randomUUID()}@example.org`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(avatar);
  await page.getByRole('button', { name: 'Create avatar' }).click();
  await page.getByRole('heading', { level: 1, name: avatar }).waitFor();
}

/** A section of the avatar's page, by its tab. */
export const avatarTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Avatar sections' }).getByRole('link', { name, exact: true });

/** Waits until each named material (all of that name) in the materials page's list reads Ready (live, from materialChanged). */
export async function waitUntilMaterialsReady(page: Page, names: readonly string[]): Promise<void> {
  const list = page.getByRole('list').filter({ has: page.getByRole('link', { name: names[0], exact: true }) });
  for (const name of names) {
    // Every material of that name (two Telegram exports are both result.json).
    const items = list.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await items.first().waitFor({ timeout: 120_000 });
    for (let n = 0; n < (await items.count()); n++) {
      await items.nth(n).getByText('Ready', { exact: true }).waitFor({ timeout: 120_000 });
    }
  }
}

/** Answers the chat export's question: which participant is the person. */
export async function choosePerson(page: Page, participant: string): Promise<void> {
  await page.getByRole('checkbox', { name: participant }).check();
  await page.getByRole('button', { name: 'Save choice' }).click();
  await page.getByText(`The person is “${participant}”`).waitFor({ timeout: 20_000 });
}
