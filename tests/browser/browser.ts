import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const run = promisify(execFile);

/** Debian's Chromium; no browser is ever downloaded. */
export const chromiumPath = process.env.BISHOP_CHROMIUM ?? '/usr/bin/chromium';

/** `extraArgs`: e.g. a fake microphone (see `fakeMicrophoneArgs`). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // Root in a container needs --no-sandbox; the machine's closed network refuses Chromium's own traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...extraArgs,
    ],
  });
}

/** Chromium's fake microphone, playing `wav` in a loop, granted without a prompt. */
export const fakeMicrophoneArgs = (wav: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wav}`,
];

/** A fresh context per test: no cookies, no localStorage, nothing left from another test. */
export async function freshPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The app runs under a strict CSP: anything it blocks is a bug of the app (or an attack), never noise.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return { context, page, errors };
}

/** Saves a screenshot of each step under tests/browser/artifacts/<suite>/ (gitignored). */
export function screenshots(suite: string) {
  const dir = join(here, 'artifacts', suite);
  let step = 0;
  return async (page: Page, name: string): Promise<string> => {
    await mkdir(dir, { recursive: true });
    step += 1;
    const path = join(dir, `${String(step).padStart(2, '0')}-${name}.png`);
    // From the top: a sticky header would otherwise sit in the middle of a full-page picture.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}

/** With BISHOP_README_SCREENSHOTS=1 the suite refreshes the README's pictures in tests/browser/screenshots/. */
export async function readmeScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.BISHOP_README_SCREENSHOTS !== '1') return;
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(here, 'screenshots', `${name}.png`), fullPage: options.fullPage ?? false });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core in the page; returns the serious and critical violations (WCAG 2.1 A/AA rules). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Runs axe-core in the page; returns every violation of the WCAG 2.1 A/AA rules, whatever its impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the test driver, not as a <script> element, which the app's CSP rightly refuses.
  await page.evaluate(axe.source);
  // The page's own code (a string: this file is type-checked without the DOM library).
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => String(n.target.join(' '))),
    })))`);
  return violations;
}

/** The audio and video fixtures, made with espeak-ng, sox and ffmpeg (tests/fixtures/audio/make-fixtures.sh). */
export async function audioFixtures(): Promise<(name: string) => string> {
  const script = fileURLToPath(new URL('../fixtures/audio/make-fixtures.sh', import.meta.url));
  const { stdout } = await run('bash', [script]);
  const dir = stdout.trim().split('\n').at(-1) ?? '';
  return (name) => join(dir, name);
}

export const documentFixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));
export const chatExportFixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/chat-exports/${name}`, import.meta.url));

/** The web app must have been built (./bishop test builds it in the step before). */
export async function assertWebBuilt(): Promise<void> {
  const index = fileURLToPath(new URL('../../web/build/index.html', import.meta.url));
  await readFile(index).catch(() => {
    throw new Error(`${index} is missing: build the web app first (npm run build -w web)`);
  });
}
