import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { avatarTab, bishopInChromium, waitUntilMaterialsReady } from './bishop-in-chromium.ts';
import { freshPage, seriousAxeViolations } from './browser.ts';

const mail = (name: string) => fileURLToPath(new URL(`../fixtures/mail/${name}`, import.meta.url));
const HOME = 'Анна Петрова <anna.petrova@example.ru>';
const WORK = 'Anna Petrova <a.petrova@work.example>';

/** Issue 23: a mailbox's person is every address they wrote from; a letter's attachments are added only when chosen. */
describe('mail in the web app', () => {
  const rig = bishopInChromium('mail-sources');

  async function signUpWithAvatar(page: Page) {
    await page.goto(`${rig.bishop.url}/signup`);
    await page.getByLabel('Full name').fill('Анна Петрова');
    await page.getByLabel('Email').fill(`mail-${Date.now()}@example.org`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Анна');
    await page.getByRole('button', { name: 'Create avatar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Анна' }).waitFor();
  }

  it('ticks both of the person’s addresses, then adds a letter’s document and sees a disguise refused', async () => {
    const { page, context, errors } = await freshPage(rig.browser);
    context.setDefaultTimeout(90_000);
    try {
      await signUpWithAvatar(page);
      await avatarTab(page, 'Materials').click();
      // Upload the mailbox and a letter with three attachments.
      await page
        .getByRole('group', { name: 'Drop files here to upload' })
        .locator('input[type="file"]')
        .setInputFiles([mail('anna.mbox'), mail('attachments.eml')]);
      await waitUntilMaterialsReady(page, ['anna.mbox', 'attachments.eml']);

      // The mailbox's question: both of Anna's addresses are her.
      const picker = page.locator('form').filter({ hasText: 'Who is the person in “anna.mbox”' });
      await picker.getByRole('checkbox', { name: HOME }).check();
      await picker.getByRole('checkbox', { name: WORK }).check();
      await picker.getByRole('button', { name: 'Save choice' }).click();
      await page.getByText(`The person is “${HOME}, ${WORK}”`).waitFor();

      // The letter's page lists its attachments with the letter they came with.
      await page.getByRole('link', { name: 'attachments.eml', exact: true }).click();
      const attachments = page.getByRole('form', { name: 'Attachments' });
      await attachments
        .getByText(/From Анна Петрова <anna\.petrova@example\.ru>, “Материалы к лекции”/)
        .first()
        .waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      await attachments.getByRole('checkbox', { name: 'lecture.docx' }).check();
      await attachments.getByRole('checkbox', { name: 'notes.txt' }).check();
      await attachments.getByRole('button', { name: 'Add chosen as materials' }).click();
      const outcome = attachments.getByRole('status');
      await outcome.getByText('“lecture.docx” added as a material').waitFor();
      await outcome.getByText(/“notes\.txt” was not added: .*called \.txt but its content is/).waitFor();

      // The chosen document is a material of its own, read like an upload.
      await avatarTab(page, 'Materials').click();
      await waitUntilMaterialsReady(page, ['lecture.docx']);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
