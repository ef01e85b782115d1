import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { avatarTab, bishopInChromium, choosePerson, waitUntilMaterialsReady } from './bishop-in-chromium.ts';
import { freshPage, screenshots, seriousAxeViolations } from './browser.ts';

const dialogue = fileURLToPath(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));
const PHONE = { width: 390, height: 844 };

/**
 * "Which one is real?" as people use it, in Debian's Chromium against a real
 * `bishop start`: the owner trains an avatar, takes the blind test from the
 * test reports and sees the accuracy per version there; a guest opens an
 * invite link on a phone, sees the pairs and nothing of the avatar, guesses;
 * the owner revokes the link and it stops working. axe-core finds nothing
 * serious at desktop or phone width.
 */
describe('the blind test in Chromium against bishop start', () => {
  const rig = bishopInChromium('browser-blind-test');

  async function open(options: Parameters<typeof freshPage>[1] = {}) {
    const opened = await freshPage(rig.browser, options);
    // The machine running the suite may be busy: steps wait longer than Playwright's 30 s.
    opened.context.setDefaultTimeout(90_000);
    return opened;
  }

  async function noSeriousAxeViolations(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  /** Picks reply A of the message shown and waits for the verdict. */
  async function guessOnce(page: Page) {
    await page.getByRole('button', { name: 'Reply A is real' }).click();
    await page.getByText(/^(Right: you told the real reply\.|No: you took the avatar for the person\.)/).waitFor();
    // Both replies now say whose they are.
    await page.getByText('The person’s real reply', { exact: true }).waitFor();
    await page.getByText('The avatar’s reply', { exact: true }).waitFor();
  }

  it('lets the owner take the test and invite a guest who sees only the pairs, until the link is revoked', async () => {
    const shot = screenshots('blind-test');
    const owner = await open();
    const { page } = owner;
    try {
      // A trained avatar: a WhatsApp chat with the person's replies.
      await page.goto(`${rig.bishop.url}/signup`);
      await page.getByLabel('Full name').fill('Марина Соколова');
      await page.getByLabel('Email').fill(`blind-${Date.now()}@example.org`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Марина');
      await page.getByRole('button', { name: 'Create avatar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Марина' }).waitFor();
      await avatarTab(page, 'Materials').click();
      await page
        .getByRole('group', { name: 'Drop files here to upload' })
        .locator('input[type="file"]')
        .setInputFiles([dialogue]);
      await waitUntilMaterialsReady(page, ['WhatsApp Chat - Марина Соколова.txt']);
      await choosePerson(page, 'Марина Соколова');
      await avatarTab(page, 'Training').click();
      await page.getByRole('button', { name: 'Start training' }).click();

      // The test reports show the blind test's table (no guesses yet) once the automatic test is done.
      await avatarTab(page, 'Test reports').click();
      const report = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Version 1' }) });
      await report
        .getByText(/untrained avatar|Not measured/)
        .first()
        .waitFor({ timeout: 300_000 });
      const scores = page.getByRole('region', { name: 'Blind test: which one is real?' });
      await scores.getByText('No guesses yet.').waitFor();

      // The owner takes the test: a message, two replies in random order, a verdict after each pick.
      await page.getByRole('link', { name: 'Take the blind test, or invite others to it' }).click();
      await page.getByRole('heading', { name: 'Which one is real?', level: 2 }).waitFor();
      await page.getByText(/^Message 1 of \d+$/).waitFor();
      await noSeriousAxeViolations(page, 'blind test, before a guess');
      await guessOnce(page);
      await shot(page, 'owner-guessed');
      await noSeriousAxeViolations(page, 'blind test, after a guess');
      await page.getByRole('button', { name: 'Next message' }).click();
      await page.getByText(/^Message 2 of \d+$/).waitFor();
      await guessOnce(page);

      // The tally per version: two guesses.
      const tally = page.getByRole('region', { name: 'Blind test: which one is real?' });
      await tally.getByRole('row', { name: /^Version 1 2 [0-2] \d+%$/ }).waitFor();

      // An invite link, shown once.
      await page.getByRole('button', { name: 'Make an invite link' }).click();
      const link = (await page.locator('code').filter({ hasText: '/blind#token=' }).textContent())?.trim() ?? '';
      assert.match(link, /\/blind#token=[A-Za-z0-9_-]{43}$/);
      const invite = (guesses: string) =>
        page
          .getByRole('listitem')
          .filter({ hasText: /works until/ })
          .filter({ hasText: new RegExp(`·\\s+${guesses}\\b`) });
      await invite('0 guesses').waitFor();

      // The owner's pages at phone width.
      await page.setViewportSize(PHONE);
      await noSeriousAxeViolations(page, 'blind test at phone width');
      await shot(page, 'owner-phone');

      // A guest without an account, on a phone: the pairs and nothing else.
      const guest = await open(PHONE);
      try {
        await guest.page.goto(link);
        await guest.page.getByRole('heading', { name: 'Which one is real?', level: 1 }).waitFor();
        await guest.page.getByText(/^Message 1 of \d+$/).waitFor();
        assert.equal(new URL(guest.page.url()).hash, '', 'the token leaves the address bar');
        const seen = (await guest.page.locator('main').textContent()) ?? '';
        assert.ok(!seen.includes('Марина Соколова'), 'not the owner’s name');
        assert.equal(await guest.page.locator('a[href^="/avatars"]').count(), 0, 'no way into the avatar');
        await noSeriousAxeViolations(guest.page, 'guest page at phone width');
        await guessOnce(guest.page);
        await shot(guest.page, 'guest-phone');
        await noSeriousAxeViolations(guest.page, 'guest page after a guess');
        const overflow = await guest.page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        assert.ok(Number(overflow) <= 0, `nothing sticks out sideways (${overflow}px)`);

        // Desktop width for the guest too.
        await guest.page.setViewportSize({ width: 1280, height: 860 });
        await noSeriousAxeViolations(guest.page, 'guest page at desktop width');

        // The owner sees the guest's guess and revokes the link.
        await page.setViewportSize({ width: 1280, height: 860 });
        await page.reload();
        await invite('1 guess').waitFor();
        await tally.getByRole('row', { name: /^Version 1 3 [0-3] \d+%$/ }).waitFor();
        await page.getByRole('button', { name: /^Revoke/ }).click();
        await page.getByText('Revoked', { exact: true }).waitFor();

        // The guest's link stops working (the tab kept the token across the reload).
        await guest.page.reload();
        await guest.page.getByText(/This invite link does not work/).waitFor();
        assert.deepEqual(guest.errors, []);
      } finally {
        await guest.context.close();
      }
      assert.deepEqual(owner.errors, []);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await owner.context.close();
    }
  });
});
