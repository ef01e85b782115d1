import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { temporaryDirectory } from '../src/test-env.ts';
import { zipEntries } from '../src/zip-entries.ts';
import { avatarTab, bishopInChromium, waitUntilMaterialsReady } from './bishop-in-chromium.ts';
import { chatExportFixture, freshPage, screenshots, seriousAxeViolations } from './browser.ts';

/**
 * What a real user hit on the second walk through the app (issue 21, part A), each step a
 * check that fails on the app as it was: layout, exports, readable history, uploads that
 * survive, Russian throughout, phone width, versions with verdicts.
 */
const dialogue = fileURLToPath(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));

describe('the web app as a user walks it (second pass)', () => {
  const rig = bishopInChromium('second-pass');
  let exports: Awaited<ReturnType<typeof temporaryDirectory>>;
  /** Two different Telegram chats, both named result.json as Telegram names every export. */
  const telegram = { boris: '', vera: '' };
  let users = 0;

  before(async () => {
    exports = await temporaryDirectory('second-pass-exports');
    const original = await readFile(chatExportFixture('telegram/personal-chat.json'), 'utf8');
    telegram.boris = join(exports.path, 'boris', 'result.json');
    telegram.vera = join(exports.path, 'vera', 'result.json');
    // Another chat, a year later (the exact time of each message is its date_unixtime).
    const vera = original
      .replaceAll('Boris Ivanov', 'Vera Sokolova')
      .replaceAll('2024-03-0', '2025-06-1')
      .replace(
        /"date_unixtime": "(\d+)"/g,
        (_match, seconds: string) => `"date_unixtime": "${Number(seconds) + 466 * 86_400}"`,
      );
    for (const [path, text] of [
      [telegram.boris, original],
      [telegram.vera, vera],
    ] as const) {
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, text);
    }
  });
  after(() => exports?.remove());

  /** A fresh context; steps wait longer than Playwright's 30 s, as the machine running the suite may be busy. */
  async function open(options: Parameters<typeof freshPage>[1] = {}) {
    const opened = await freshPage(rig.browser, options);
    opened.context.setDefaultTimeout(90_000);
    return opened;
  }

  async function signUp(page: Page, name = 'Анна Петрова') {
    users += 1;
    const email = `second${users}-${Date.now()}@example.org`;
    await page.goto(`${rig.bishop.url}/signup`);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
    return { email, password: 'correct horse battery' };
  }

  async function createAvatar(page: Page, name: string) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create avatar' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function upload(page: Page, files: string[]) {
    await page
      .getByRole('group', { name: 'Drop files here to upload' })
      .locator('input[type="file"]')
      .setInputFiles(files);
  }

  it('a chat export’s transcript reads as lines of text, not one word per line', async () => {
    const shot = screenshots('second-pass-transcript');
    const { page, context, errors } = await open();
    try {
      await signUp(page);
      await createAvatar(page, 'Анна');
      await avatarTab(page, 'Materials').click();
      await upload(page, [telegram.boris]);
      await waitUntilMaterialsReady(page, ['result.json']);
      await page.getByRole('link', { name: 'result.json', exact: true }).click();
      const transcript = page.getByRole('region', { name: 'Transcript' });
      await transcript.getByText(/Boris Ivanov: Привет! Ты завтра читаешь лекцию\?/).waitFor();
      await shot(page, 'transcript');
      // Every line of the transcript takes the width of the card (it was squeezed into a 72 px time column).
      const widths = await transcript
        .locator('li p')
        .evaluateAll((lines) => lines.map((line) => (line as unknown as { clientWidth: number }).clientWidth));
      const card = (await transcript.boundingBox())?.width ?? 0;
      assert.ok(widths.length > 5, `segments shown: ${widths.length}`);
      for (const width of widths) assert.ok(width > card * 0.6, `a line ${width}px wide in a ${card}px card`);
      assert.deepEqual(await seriousAxeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
  /** Clicks a download button and reads the ZIP the browser saves. */
  async function downloadZip(page: Page, button: string): Promise<Map<string, Buffer>> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    const path = await download.path();
    return zipEntries(await readFile(path));
  }

  it('exports: the avatar’s ZIP from its overview, everything the account owns from the profile', async () => {
    const shot = screenshots('second-pass-export');
    const { page, context, errors } = await open();
    try {
      const { email } = await signUp(page, 'Ida Export');
      await createAvatar(page, 'Ида');
      const avatarId = /\/avatars\/([^/]+)$/.exec(page.url())?.[1] ?? '';
      await page.getByRole('heading', { name: 'Take the avatar with you' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      const avatar = await downloadZip(page, 'Download everything (ZIP)');
      assert.equal(JSON.parse(avatar.get('avatar.json')?.toString() ?? '{}').avatar.name, 'Ида');
      await shot(page, 'overview');

      await page.getByRole('banner').getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { name: 'Your data' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      const account = await downloadZip(page, 'Download all my data (ZIP)');
      assert.equal(JSON.parse(account.get('account.json')?.toString() ?? '{}').user.email, email);
      assert.ok(account.has(`avatars/${avatarId}/avatar.json`), [...account.keys()].join(', '));
      await shot(page, 'profile');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('uploads: progress stays in sight across tabs, a reload asks first, a dropped socket catches up', async () => {
    const shot = screenshots('second-pass-uploads');
    const { page, context, errors } = await open();
    try {
      // The live socket goes through the test: it can drop it and keep it down for a while.
      let down = false;
      const sockets: { close(options: { code: number; reason: string }): Promise<void> }[] = [];
      await page.routeWebSocket(/\/graphql$/, (socket) => {
        // 1012 ("service restart"), as a restarting Bishop would close it: the client retries.
        if (down) return void socket.close({ code: 1012, reason: 'the test keeps the socket down' });
        socket.connectToServer();
        sockets.push(socket);
      });
      await signUp(page);
      await createAvatar(page, 'Анна');
      const avatarUrl = page.url();

      // An upload the test holds on the wire until it lets it go.
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(/\/api\/avatars\/[^/]+\/materials$/, async (route) => {
        await released;
        await route.continue();
      });
      await avatarTab(page, 'Materials').click();
      await upload(page, [telegram.boris]);
      await page.getByRole('progressbar', { name: 'Upload progress of result.json' }).waitFor();

      // Another tab still shows the upload going on, and links back to it.
      await avatarTab(page, 'Voice').click();
      await page.getByRole('heading', { level: 2, name: 'Voice' }).waitFor();
      const status = page.getByRole('status').filter({ hasText: 'Uploading 1 file' });
      await status.waitFor();
      await status.getByRole('progressbar', { name: 'Progress of the uploads' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      await shot(page, 'voice-tab');
      await status.getByRole('link').click();
      await page.getByRole('progressbar', { name: 'Upload progress of result.json' }).waitFor();

      // Closing or reloading the tab now would lose the file: the browser asks first (the test says stay).
      const asked = page.waitForEvent('dialog').then(async (dialog) => {
        const type = dialog.type();
        await dialog.dismiss();
        return type;
      });
      await page.close({ runBeforeUnload: true });
      assert.equal(await asked, 'beforeunload');
      assert.equal(page.isClosed(), false, 'the page stayed');

      // The file goes up and becomes a material; no warning once nothing is pending.
      release();
      await waitUntilMaterialsReady(page, ['result.json']);

      // The live socket drops; while it is down the avatar is renamed elsewhere; after it is back, the page shows it.
      down = true;
      await Promise.all(sockets.map((socket) => socket.close({ code: 1012, reason: 'the test drops it' })));
      const elsewhere = await context.newPage();
      await elsewhere.goto(avatarUrl);
      await elsewhere.getByRole('button', { name: 'Rename avatar' }).click();
      await elsewhere.getByRole('dialog').getByLabel('Name').fill('Анна Сергеевна');
      await elsewhere.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await elsewhere.getByRole('heading', { level: 1, name: 'Анна Сергеевна' }).waitFor();
      await elsewhere.close();
      down = false;
      await page.getByRole('heading', { level: 1, name: 'Анна Сергеевна' }).waitFor({ timeout: 60_000 });
      await shot(page, 'caught-up');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('phone width: a short header, every tab within reach, whole buttons, chats open at the newest message', async () => {
    const shot = screenshots('second-pass-phone');
    const { page, context, errors } = await open();
    try {
      await signUp(page);
      await createAvatar(page, 'Анна');
      const avatarUrl = page.url();
      await avatarTab(page, 'Chats').click();
      await page.getByRole('button', { name: 'Start chat' }).click();
      const box = page.getByRole('textbox', { name: 'Message' });
      await box.waitFor();
      const chatUrl = page.url();
      for (let n = 1; n <= 8; n++) {
        await box.fill(`Вопрос номер ${n}: как прошла лекция?`);
        await box.press('Enter');
        await page.getByText(`Вопрос номер ${n}: как прошла лекция?`).waitFor();
      }

      for (const [width, locale] of [
        [375, 'en'],
        [320, 'ru'],
      ] as const) {
        await page.setViewportSize({ width, height: 740 });
        await page.goto(avatarUrl);
        // Labelled in the language the page is in now.
        await page.getByLabel(/^(Language|Язык)$/).selectOption(locale);
        await page.reload();
        const remove = page.getByRole('button', { name: locale === 'ru' ? 'Удалить аватар' : 'Delete avatar' });
        const removeBox = await remove.boundingBox();
        assert.ok(removeBox && removeBox.x >= 0 && removeBox.x + removeBox.width <= width, `whole at ${width}px`);
        const bannerHeight = (await page.getByRole('banner').boundingBox())?.height ?? 999;
        assert.ok(bannerHeight <= 64, `the app header is one short row (${bannerHeight}px at ${width}px)`);
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        assert.ok(overflow <= 0, `nothing sticks out sideways (${overflow}px at ${width}px)`);
        assert.deepEqual(await seriousAxeViolations(page), [], `axe at ${width}px in ${locale}`);
        await shot(page, `overview-${width}`);
      }
      await page.getByLabel('Язык', { exact: true }).selectOption('en');

      // Seven tabs on 320 px: a button says there are more, and brings them in.
      const last = avatarTab(page, 'History');
      const inSight = async () => {
        const tab = await last.boundingBox();
        return tab !== null && tab.x >= 0 && tab.x + tab.width <= 320;
      };
      assert.equal(await inSight(), false, 'History starts past the edge');
      await page.getByRole('button', { name: 'Show more sections' }).click();
      for (let n = 0; n < 3 && !(await inSight()); n++) {
        await page.waitForTimeout(400);
        if (!(await inSight())) await page.getByRole('button', { name: 'Show more sections' }).click();
      }
      assert.ok(await inSight(), 'History comes into sight');
      await page.getByRole('button', { name: 'Show earlier sections' }).waitFor();
      await shot(page, 'tabs-scrolled');

      // A chat opens at its newest message, the message box in sight below it.
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(chatUrl);
      const newest = page.getByText('Вопрос номер 8: как прошла лекция?');
      await newest.waitFor();
      await page.waitForTimeout(500);
      const newestBox = await newest.boundingBox();
      const boxBox = await box.boundingBox();
      assert.ok(
        newestBox && newestBox.y >= 0 && newestBox.y + newestBox.height <= 740,
        'the newest message is in sight',
      );
      assert.ok(boxBox && boxBox.y + boxBox.height <= 740, 'the message box is in sight');
      assert.ok(boxBox && newestBox && newestBox.y + newestBox.height <= boxBox.y, 'not hidden under the message box');
      await shot(page, 'chat');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
  /** Answers "who is the person" for the one chat export whose participants include `other`. */
  async function choosePersonIn(page: Page, other: string, person: string) {
    const picker = page.locator('form').filter({ hasText: other }).filter({ hasText: 'Who is the person in' });
    await picker.getByRole('checkbox', { name: person }).check();
    await picker.getByRole('button', { name: 'Save choice' }).click();
    await picker.waitFor({ state: 'detached' });
  }

  /** Starts a training run and waits until its version is built and listed. */
  async function train(page: Page, version: number) {
    await avatarTab(page, 'Training').click();
    const holdOut = page.getByRole('spinbutton', { name: /Keep for the avatar test/ });
    await holdOut.fill('30');
    await page.getByRole('button', { name: 'Start training' }).click();
    await page.getByRole('link', { name: `Version ${version}`, exact: true }).waitFor({ timeout: 300_000 });
  }

  /** Whatever the test found, said against what it compared with (the verdict itself depends on the data). */
  const verdict = /^(Better than|Worse than|No clear difference from) the untrained avatar$|^Not measured$/;

  it('versions with verdicts and a rollback that says what changes; two result.json told apart; history readable in Russian', async () => {
    const shot = screenshots('second-pass-versions');
    const { page, context, errors } = await open();
    try {
      await signUp(page, 'Марина Соколова');
      await createAvatar(page, 'Марина');

      // Version 1: a WhatsApp dialogue and one Telegram export (result.json, as Telegram names every export).
      await avatarTab(page, 'Materials').click();
      await upload(page, [dialogue, telegram.boris]);
      await waitUntilMaterialsReady(page, ['WhatsApp Chat - Марина Соколова.txt', 'result.json']);
      await choosePersonIn(page, 'Марина Соколова', 'Марина Соколова');
      await choosePersonIn(page, 'Boris Ivanov', 'Анна Петрова');
      await train(page, 1);
      // Its test report lands, and the version list shows its verdict and score.
      await page.getByRole('region', { name: 'Persona versions' }).getByText(verdict).waitFor({ timeout: 600_000 });
      await shot(page, 'version-1');

      // Version 2 adds a second Telegram export, also named result.json: the list tells the two apart.
      await avatarTab(page, 'Materials').click();
      await upload(page, [telegram.vera]);
      const rows = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'result.json', exact: true }) });
      await rows.nth(1).waitFor();
      await waitUntilMaterialsReady(page, ['result.json']);
      await choosePersonIn(page, 'Vera Sokolova', 'Анна Петрова');
      const boris = rows.filter({ hasText: 'Boris Ivanov' });
      const vera = rows.filter({ hasText: 'Vera Sokolova' });
      await boris.getByText(/Boris Ivanov, Анна Петрова · .*2024/).waitFor();
      await vera.getByText(/Vera Sokolova, Анна Петрова · .*2025/).waitFor();
      await boris.getByText(/^uploaded /).waitFor();
      await shot(page, 'two-result-json');
      await train(page, 2);

      // Each version shows its verdict (or that its test is still to come) and its overall score.
      const versions = page.getByRole('region', { name: 'Persona versions' });
      const first = versions
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Version 1', exact: true }) });
      await first.getByText(verdict).waitFor();
      await first.getByText(/^overall \d\.\d\d$/).waitFor();
      // Rolling back says first what changes: the verdicts side by side, the material version 1 lacks.
      await first.getByRole('button', { name: 'Make active 1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Make version 1 active?' });
      await dialog.getByText('Replies will come from version 1 instead of version 2. What changes:').waitFor();
      await dialog.getByText('Leaves out 1 material the active version uses: result.json').waitFor();
      await dialog.getByText(/^Dialogue pairs \(message → the person’s reply\): \d+ → \d+$/).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      await shot(page, 'rollback-dialog');
      await dialog.getByRole('button', { name: 'Make version 1 active' }).click();
      await first.getByText('Active', { exact: true }).waitFor();

      // In Russian at phone width: the history speaks Russian, names the files, links each entry, folds each run.
      await page.setViewportSize({ width: 375, height: 740 });
      await page.getByLabel('Language', { exact: true }).selectOption('ru');
      const russianTab = (name: string) =>
        page.getByRole('navigation', { name: 'Разделы аватара' }).getByRole('link', { name, exact: true });
      await russianTab('История').click();
      await page.getByRole('heading', { level: 2, name: 'История' }).waitFor();
      const history = page.locator('.card').filter({ has: page.getByRole('heading', { level: 3 }) });
      // A run shows as its latest step (its test); the rest of it is behind "show all steps".
      await history.getByRole('link', { name: 'Версия 1 проверена' }).waitFor();
      await history.getByRole('link', { name: 'Версия 1 сделана активной' }).waitFor();
      await history
        .getByRole('link', { name: /^Загружен материал «result\.json» \(Экспорт чата, / })
        .first()
        .waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator method, rendered text wanted
      const shown = await history.innerText();
      assert.doesNotMatch(shown, /Training|Material|uploaded|reached stage|failed \(|Persona|Avatar/, shown);
      // Stage lines fold into their run: none shows until the run is opened.
      const stages = history.getByText(/^Обучение: /);
      assert.equal(await stages.filter({ visible: true }).count(), 0, 'stage lines are folded');
      await history
        .getByText(/^Показать все \d+ шаг/)
        .last()
        .click();
      assert.ok((await stages.filter({ visible: true }).count()) > 0, 'the run shows its stages when opened');
      await history.getByRole('link', { name: 'Обучение завершено: версия 1' }).waitFor();
      // Each entry leads to what it is about.
      await history.getByRole('link', { name: /^Загружен материал «WhatsApp Chat/ }).click();
      await page.getByRole('heading', { level: 2, name: 'WhatsApp Chat - Марина Соколова.txt' }).waitFor();
      await page.goBack();
      assert.deepEqual(await seriousAxeViolations(page), []);
      await shot(page, 'history-ru');

      // The test report at phone width: its metrics table fits the screen.
      await russianTab('Отчёты о тестах').click();
      const table = page.getByRole('table').first();
      await table.waitFor();
      const sideways = await table.evaluate((element) => {
        const box = element as unknown as {
          scrollWidth: number;
          clientWidth: number;
          parentElement: { clientWidth: number };
        };
        return Math.max(box.scrollWidth - box.clientWidth, box.scrollWidth - box.parentElement.clientWidth);
      });
      assert.ok(sideways <= 1, `the metrics table scrolls ${sideways}px sideways`);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
      await shot(page, 'tests-phone-ru');
      assert.deepEqual(errors, []);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });
  it('account control: a new email, given the password, is the one to log in with; other devices log in again', async () => {
    const shot = screenshots('second-pass-email');
    const { page, context, errors } = await open();
    const other = await open();
    try {
      const { email, password } = await signUp(page, 'Eve Moves');
      const taken = (await signUp(other.page, 'Taken Address')).email;
      // The same account signed in on another device.
      await other.page.getByRole('button', { name: 'Sign out' }).click();
      await other.page.goto(`${rig.bishop.url}/login`);
      await other.page.getByLabel('Email').fill(email);
      await other.page.getByLabel('Password').fill(password);
      await other.page.getByRole('button', { name: 'Log in' }).click();
      await other.page.getByRole('heading', { name: 'Your avatars' }).waitFor();

      await page.getByRole('banner').getByRole('link', { name: 'Profile' }).click();
      const form = page.getByRole('region', { name: 'Email' });
      await form.getByText(`You log in as ${email}.`).waitFor();
      // A wrong password, then an address another account has: each said plainly.
      const moved = email.replace('@', '.moved@');
      await form.getByLabel('New email').fill(moved);
      await form.getByLabel('Your password, to confirm').fill('not my password');
      await form.getByRole('button', { name: 'Change email' }).click();
      await form.getByText('The password is wrong.').waitFor();
      await form.getByLabel('New email').fill(taken);
      await form.getByLabel('Your password, to confirm').fill(password);
      await form.getByRole('button', { name: 'Change email' }).click();
      await form.getByText('An account with this email already exists. Log in instead?').waitFor();
      assert.deepEqual(await seriousAxeViolations(page), [], 'profile with a refusal');
      await form.getByLabel('New email').fill(moved);
      await form.getByRole('button', { name: 'Change email' }).click();
      await page.getByText(/^Email changed: log in with the new address/).waitFor();
      await form.getByText(`You log in as ${moved}.`).waitFor();
      await shot(page, 'changed');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        assert.deepEqual(await seriousAxeViolations(page), [], `profile at ${width}px`);
      }

      // The other device is signed out at its next step; the old address no longer logs in, the new one does.
      await other.page.reload();
      await other.page.getByRole('heading', { name: 'Log in' }).waitFor();
      await other.page.getByLabel('Email').fill(email);
      await other.page.getByLabel('Password').fill(password);
      await other.page.getByRole('button', { name: 'Log in' }).click();
      await other.page.getByText('Wrong email or password.').waitFor();
      await other.page.getByLabel('Email').fill(moved);
      await other.page.getByRole('button', { name: 'Log in' }).click();
      await other.page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await other.context.close();
      await context.close();
    }
  });

  it('account control: a new password, given the current one, ends the other sessions and keeps this one', async () => {
    const shot = screenshots('second-pass-password');
    const { page, context, errors } = await open();
    const other = await open();
    try {
      const { email, password } = await signUp(page, 'Ada Change');
      // The same account signed in on another device.
      await other.page.goto(`${rig.bishop.url}/login`);
      await other.page.getByLabel('Email').fill(email);
      await other.page.getByLabel('Password').fill(password);
      await other.page.getByRole('button', { name: 'Log in' }).click();
      await other.page.getByRole('heading', { name: 'Your avatars' }).waitFor();

      await page.getByRole('banner').getByRole('link', { name: 'Profile' }).click();
      const form = page.getByRole('region', { name: 'Password' });
      await form.getByRole('heading', { name: 'Password' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      // A wrong current password, then a new one from the common-passwords list: each said plainly.
      await form.getByLabel('Current password').fill('not my password');
      await form.getByLabel('New password').fill('a new dawn over the hills');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText('The password is wrong.').waitFor();
      await form.getByLabel('Current password').fill(password);
      await form.getByLabel('New password').fill('password1');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText(/most common passwords/).waitFor();
      await form.getByLabel('New password').fill('a new dawn over the hills');
      await form.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Password changed. Other devices must log in again.').waitFor();
      await shot(page, 'changed');

      // This session goes on; the other device is signed out at its next step.
      await page.getByRole('banner').getByRole('link', { name: 'Avatars' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      await other.page.reload();
      await other.page.getByRole('heading', { name: 'Log in' }).waitFor();
      // The old password no longer works; the new one does.
      await other.page.getByLabel('Email').fill(email);
      await other.page.getByLabel('Password').fill(password);
      await other.page.getByRole('button', { name: 'Log in' }).click();
      await other.page.getByText('Wrong email or password.').waitFor();
      await other.page.getByLabel('Password').fill('a new dawn over the hills');
      await other.page.getByRole('button', { name: 'Log in' }).click();
      await other.page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await other.context.close();
      await context.close();
    }
  });
});
