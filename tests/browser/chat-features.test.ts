import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { telegramExport } from '../src/reply-rig.ts';
import { temporaryDirectory } from '../src/test-env.ts';
import {
  avatarTab,
  bishopInChromium,
  choosePerson,
  signUpWithAvatar,
  waitUntilMaterialsReady,
} from './bishop-in-chromium.ts';
import { freshPage, screenshots, seriousAxeViolations } from './browser.ts';

// Russian words only: an English question finds nothing close in them.
const lecture = [
  'Свет — это электромагнитная волна; глаз различает длины волн от четырёхсот до семисот нанометров.',
  'Призма раскладывает белый свет в спектр, как это впервые показал Ньютон в своих опытах.',
].join('\n\n');
const exchanges = [
  ['Будешь чай?', 'Буду, только без сахара, пожалуйста'],
  ['Ты видела комету Галлея?', 'Видела в восемьдесят шестом, с крыши общежития, до сих пор помню'],
  ['Ты помнишь комету?', 'Комету помню плохо, но небо было чудесное'],
  ['Что делаешь на выходных?', 'Поеду на дачу, там тёмное небо, возьму телескоп'],
] as const;

/**
 * Chat as people know it from other products, in Chromium against `bishop start` (retrieval replies):
 * chats named by their first message, what a reply drew on, thumbs up/down, regenerating and switching
 * between replies, editing and deleting a message, the low-confidence marker, search across chats, the
 * ratings beside the test reports — and an untrained avatar that says the same thing on both pages.
 */
describe('chat features in Chromium against bishop start', () => {
  const rig = bishopInChromium('chat-features');
  let files: Awaited<ReturnType<typeof temporaryDirectory>>;
  before(async () => {
    files = await temporaryDirectory('chat-features-files');
    await writeFile(join(files.path, 'lecture.txt'), lecture);
    await writeFile(join(files.path, 'result.json'), telegramExport('Анна Петрова', 'Борис', exchanges));
  });
  after(() => files?.remove());

  const signUp = (page: Page, avatar: string) => signUpWithAvatar(page, rig.bishop.url, 'Анна Петрова', avatar);

  const send = async (page: Page, text: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  };
  const exchange = (page: Page, text: string) =>
    page.getByRole('listitem').filter({ has: page.getByText(text, { exact: true }) });

  it('an untrained avatar without a language model says to train it, on the chats page and in the chat', async () => {
    const { page, context, errors } = await freshPage(rig.browser);
    try {
      await signUp(page, 'Новый');
      await avatarTab(page, 'Chats').click();
      // The chats page no longer promises what retrieval mode cannot do.
      await page
        .getByText('With no language model installed it answers only with the person’s own words, so train it first.')
        .waitFor();
      assert.equal(await page.getByText('It works before training too').count(), 0);
      await page.getByRole('button', { name: 'Start chat' }).click();
      await send(page, 'Привет');
      await page.getByText(/has not been trained yet.*train it first \(Training tab\)/).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByText('bishop models pull').count(), 0, 'no operator command for a user');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('regenerate, switch, rate, sources, edit, delete, low confidence, titles and search', async () => {
    const shot = screenshots('chat-features');
    const { page, context, errors } = await freshPage(rig.browser);
    try {
      await signUp(page, 'Анна');
      // Materials: a lecture and a chat export; the person is chosen; then training.
      await avatarTab(page, 'Materials').click();
      await page
        .getByRole('group', { name: 'Drop files here to upload' })
        .locator('input[type="file"]')
        .setInputFiles([join(files.path, 'lecture.txt'), join(files.path, 'result.json')]);
      await waitUntilMaterialsReady(page, ['lecture.txt', 'result.json']);
      await choosePerson(page, 'Анна Петрова');
      await avatarTab(page, 'Training').click();
      await page.getByRole('button', { name: 'Start training' }).click();
      await page.getByText('Active', { exact: true }).waitFor({ timeout: 120_000 });

      // A chat started without a title takes the first message's words.
      await avatarTab(page, 'Chats').click();
      await page.getByRole('button', { name: 'Start chat' }).click();
      await page.getByRole('heading', { name: 'New conversation' }).waitFor();
      await send(page, 'Ты видела комету Галлея?');
      const comet = exchange(page, 'Ты видела комету Галлея?');
      await comet.getByRole('button', { name: 'Good reply' }).waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: 'Ты видела комету Галлея?' }).waitFor();

      // What the reply drew on: the person's own reply, in which material, to what.
      await comet.getByText('What it drew on (1)').click();
      await comet.getByText('Their reply in “result.json” to “Ты видела комету Галлея?”', { exact: false }).waitFor();
      assert.equal(await comet.getByRole('note').count(), 0, 'a close match carries no low-confidence marker');

      // Thumbs up, recorded (pressed after the change comes back).
      await comet.getByRole('button', { name: 'Good reply' }).click();
      await comet.locator('button[aria-label="Good reply"][aria-pressed="true"]').waitFor();

      // Regenerate: a second reply, the first kept; switch back to it.
      const firstReply = (await comet.locator('.reply .text').first().textContent()) ?? '';
      await comet.getByRole('button', { name: /Regenerate/ }).click();
      await comet.getByText('Reply 2 of 2').waitFor({ timeout: 60_000 });
      const secondReply = (await comet.locator('.reply .text').first().textContent()) ?? '';
      assert.notEqual(secondReply, firstReply);
      await comet.getByRole('button', { name: 'Previous reply' }).click();
      await comet.getByText('Reply 1 of 2').waitFor();
      await comet.locator('.reply .text', { hasText: firstReply }).waitFor();
      await comet.locator('button[aria-label="Good reply"][aria-pressed="true"]').waitFor();
      await shot(page, 'alternatives');

      // An English question, Russian words only: the reply says it may not fit.
      await send(page, 'What is the weather like on Mars today?');
      const mars = exchange(page, 'What is the weather like on Mars today?');
      await mars.getByRole('note').waitFor({ timeout: 60_000 });
      assert.match((await mars.getByRole('note').textContent()) ?? '', /Nothing close to your message was found/);
      await shot(page, 'low-confidence');
      const violations = await seriousAxeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

      // Edit that message: its reply is made again for the new words.
      await mars.getByRole('button', { name: 'Edit message' }).click();
      await page.getByLabel('Your message').fill('Будешь чай?');
      await page.getByRole('button', { name: 'Save and answer again' }).click();
      const tea = exchange(page, 'Будешь чай?');
      await tea.getByText('Буду, только без сахара, пожалуйста').waitFor({ timeout: 60_000 });
      await tea.getByText(/^edited ·/).waitFor();

      // Delete it: asked first, then gone (and still gone after a reload).
      await tea.getByRole('button', { name: 'Delete message' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete message' }).click();
      await tea.waitFor({ state: 'detached' });
      await page.reload();
      await comet.getByRole('button', { name: 'Good reply' }).waitFor();
      assert.equal(await page.getByText('Будешь чай?', { exact: true }).count(), 0);

      // Search across the avatar's chats.
      await page.getByRole('link', { name: /All chats/ }).click();
      await page.getByLabel('Search this avatar’s chats').fill('галлея');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page
        .getByRole('region', { name: 'Found in chats' })
        .getByText('Ты видела комету Галлея?')
        .first()
        .waitFor();
      await page.getByLabel('Search this avatar’s chats').fill('марс');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('Nothing found for “марс”.').waitFor();
      await shot(page, 'search');
      assert.deepEqual(await seriousAxeViolations(page), []);

      // The rating is user feedback beside the test reports.
      await avatarTab(page, 'Test reports').click();
      const feedback = page.getByRole('table', { name: 'Ratings per persona version' });
      await feedback.getByRole('row', { name: /Version 1\s+1\s+0/ }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      await shot(page, 'feedback');

      // In Russian, the actions speak Russian too.
      await page.getByLabel('Language').selectOption('ru');
      await page
        .getByRole('navigation', { name: 'Разделы аватара' })
        .getByRole('link', { name: 'Чаты', exact: true })
        .click();
      await page.getByRole('link', { name: 'Ты видела комету Галлея?' }).click();
      await page.getByRole('button', { name: 'Хороший ответ' }).first().waitFor();
      await page.getByText('Ответ 1 из 2').waitFor();
      assert.deepEqual(errors, []);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
