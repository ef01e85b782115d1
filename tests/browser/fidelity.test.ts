import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { avatarTab, bishopInChromium, choosePerson, waitUntilMaterialsReady } from './bishop-in-chromium.ts';
import { freshPage, screenshots, seriousAxeViolations } from './browser.ts';

const dialogue = fileURLToPath(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));

/**
 * What the user sees of speaker tagging, voice checks, the hold-out and the
 * avatar test, in Debian's Chromium against a real `bishop start` (test models;
 * the retrieval responder answers, as no LLM is installed): a rejected sample's
 * measured figures, a recording's segments marked by the server's verdict with
 * the threshold, the hold-out setting and count, a test shown running with its
 * progress, and its report's scores on the 0–1 scale with what lies past it explained.
 */
describe('voice tagging and the avatar test in Chromium against bishop start', () => {
  const rig = bishopInChromium('browser-fidelity');
  const tab = avatarTab;

  async function noSeriousAxeViolations(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  it('shows measured figures, speaker verdicts with their threshold, the hold-out and a running then scored test', async () => {
    const shot = screenshots('fidelity');
    const { page, context, errors } = await freshPage(rig.browser, { width: 1280, height: 900 });
    try {
      // A new user and avatar.
      await page.goto(`${rig.bishop.url}/signup`);
      await page.getByLabel('Full name').fill('Марина Соколова');
      await page.getByLabel('Email').fill(`marina-${Date.now()}@example.org`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Марина');
      await page.getByRole('button', { name: 'Create avatar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Марина' }).waitFor();

      // Voice: a sample where two people speak is rejected, and what the check measured is shown beside why.
      await tab(page, 'Voice').click();
      await page.getByRole('radio', { name: 'I am this person' }).check();
      await page.getByLabel('Statement').fill('Я записываю собственный голос и согласна на его использование.');
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page.getByText(/^✓ Consent recorded/).waitFor();
      const sampleInput = page
        .getByRole('group', { name: 'Drop a voice recording here' })
        .locator('input[type="file"]');
      await sampleInput.setInputFiles(rig.fixture('voice-sample-two-speakers.flac'));
      await page.getByText('Rejected', { exact: true }).waitFor({ timeout: 60_000 });
      const checked = page.getByLabel('Check results');
      await checked.getByText(/^\d+(\.\d)? s$/).waitFor();
      await checked.getByText(/LUFS$/).waitFor();
      await checked.getByText(/^\d+%$/).waitFor();
      await shot(page, 'voice-rejected-with-figures');
      await noSeriousAxeViolations(page, 'voice page, rejected sample');

      // A sample of the person alone is accepted.
      await sampleInput.setInputFiles(rig.fixture('voice-sample-good.flac'));
      // Accepted; what it is used for depends on whether cloning is installed (the voice page's own test checks that).
      await page.getByText(/^Good sample/).waitFor({ timeout: 60_000 });

      // Materials: a two-voice interview and a WhatsApp chat with the person's replies.
      await tab(page, 'Materials').click();
      await page
        .getByRole('group', { name: 'Drop files here to upload' })
        .locator('input[type="file"]')
        .setInputFiles([rig.fixture('interview-two-voices.flac'), dialogue]);
      await waitUntilMaterialsReady(page, ['interview-two-voices.flac', 'WhatsApp Chat - Марина Соколова.txt']);
      await choosePerson(page, 'Марина Соколова');

      // The recording: each segment marked by the server's verdict, and the threshold that decided it.
      await page.getByRole('link', { name: 'interview-two-voices.flac', exact: true }).click();
      await page.getByRole('heading', { name: 'Transcript' }).waitFor();
      const summary = page.getByText(/^Tagged by voice against the voice sample: .* reaches 0\.50\.$/);
      await summary.waitFor({ timeout: 120_000 });
      const segments = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Play from / }) });
      assert.ok((await segments.getByText(/^the person \d\.\d\d$/).count()) > 0, 'segments of the person');
      assert.ok((await segments.getByText(/^another voice -?\d\.\d\d$/).count()) > 0, 'segments of the other');
      await shot(page, 'transcript-tagged');
      await noSeriousAxeViolations(page, 'recording page');

      // Training keeps 30 % of the dialogue pairs for the avatar test.
      await tab(page, 'Training').click();
      const holdOut = page.getByRole('spinbutton', { name: /Keep for the avatar test/ });
      assert.equal(await holdOut.inputValue(), '10');
      await holdOut.fill('30');
      await page.getByText(/at least 5 are kept/).waitFor();
      await page.getByRole('button', { name: 'Start training' }).click();
      // The run is listed (running, or already done: the corpus is small) before the page is left.
      const runs = page.getByRole('region', { name: 'Training runs' });
      await runs
        .getByText('Running', { exact: true })
        .or(runs.getByText('Completed', { exact: true }))
        .first()
        .waitFor({ timeout: 60_000 });

      // The test reports page, open before the test starts: the test appears running, with its progress.
      await tab(page, 'Test reports').click();
      await page.getByRole('heading', { name: 'Test reports', level: 2 }).waitFor();
      const progress = page.getByRole('progressbar', { name: 'Progress of the test of version 1' });
      await progress.waitFor({ timeout: 180_000 });
      await page.getByText(/^Testing version 1: /).waitFor();
      await shot(page, 'test-running');
      await noSeriousAxeViolations(page, 'test reports, running');

      // Then its report: the verdict says what it is against, and the scores sit on the 0–1 scale.
      const report = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Version 1' }) });
      await report.getByText('Better than the untrained avatar').waitFor({ timeout: 180_000 });
      assert.equal(await progress.count(), 0, 'no progress once the report landed');
      const scale = report.getByRole('img', { name: /on a scale from 0 \(anyone\) to 1 \(the person\)/ });
      const label = (await scale.getAttribute('aria-label')) ?? '';
      const figures = [...label.matchAll(/(-?\d+\.\d\d)/g)].map((m) => Number(m[1]));
      assert.ok(figures.length === 2 && figures.every((v) => v >= 0 && v <= 1), label);
      await report.getByText(/^On this scale 0 means no closer/).waitFor();
      // Replies past either end of the scale are counted and explained (the person's own past replies,
      // which the retrieval responder gives, often come closer than the person's other replies do).
      const explained = report.getByText(/ of \d+ (beyond the person’s own consistency|further than anyone)/);
      assert.ok((await explained.count()) > 0, 'an out-of-range value is explained');
      const metrics = report.getByRole('table');
      await metrics.getByText(/raw, in speaker-embedding cosine/).waitFor();
      await shot(page, 'test-report');
      await noSeriousAxeViolations(page, 'test reports, done');

      // The run says how many pairs it held out for the test.
      await tab(page, 'Training').click();
      await page.getByText('Completed', { exact: true }).first().click();
      await page.getByText(/^holdOutShare: 0\.3$/).waitFor();
      const heldOut = page
        .locator('dl.figures div')
        .filter({ has: page.getByText('Held out for testing', { exact: true }) });
      const count = Number((await heldOut.locator('dd').textContent())?.replace(/\D/g, ''));
      assert.ok(count >= 5, `${count} pairs held out`);
      await shot(page, 'run-held-out');

      assert.deepEqual(errors, []);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
