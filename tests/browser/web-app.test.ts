import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { avatarTab, bishopInChromium, choosePerson, waitUntilMaterialsReady } from './bishop-in-chromium.ts';
import {
  chatExportFixture,
  documentFixture,
  freshPage,
  readmeScreenshot,
  screenshots,
  seriousAxeViolations,
} from './browser.ts';

/**
 * The web app in Debian's Chromium against a real `bishop start` (test models: real
 * Silero VAD, Whisper-architecture ASR, procedural speaker embedder, tiny LLM and TTS).
 * Every test signs up its own user in a fresh browser context.
 */
describe('web app in Chromium against bishop start', () => {
  const rig = bishopInChromium('browser');
  let users = 0;

  async function signUp(page: Page, name = 'Ада Лавлейс') {
    users += 1;
    const email = `person${users}-${Date.now()}@example.org`;
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

  const tab = avatarTab;

  it('account: clear errors, a session that survives a reload and refreshes silently, log out and in, language', async () => {
    const shot = screenshots('account');
    const { page, context, errors } = await freshPage(rig.browser);
    // A clock the test can move (it runs on its own meanwhile), to let the access token near its end.
    await page.clock.install();
    try {
      // Sign-up refusals come from the API's codes, shown under the field they concern.
      await page.goto(`${rig.bishop.url}/signup`);
      await page.getByLabel('Full name').fill('Grace Hopper');
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByLabel('Password').fill('long enough password');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByText('This email address is not valid.').waitFor();
      await page.getByLabel('Email').fill(`grace-${Date.now()}@example.org`);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page
        .getByText('The password must be at least 8 characters long (invisible characters do not count).')
        .waitFor();
      await shot(page, 'signup-errors');
      const email = await page.getByLabel('Email').inputValue();
      await page.getByLabel('Password').fill('long enough password');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();

      // The refresh token is an HttpOnly cookie for the session routes only; no token is in reach of scripts.
      const refreshCookie = async () => (await context.cookies()).find((cookie) => cookie.name === 'bishop_refresh');
      const issued = await refreshCookie();
      assert.ok(issued, 'the refresh token is a cookie');
      assert.deepEqual(
        { path: issued.path, httpOnly: issued.httpOnly, secure: issued.secure, sameSite: issued.sameSite },
        { path: '/api/session', httpOnly: true, secure: true, sameSite: 'Strict' },
      );
      const readableByScripts = () =>
        page.evaluate<string>('document.cookie + JSON.stringify(Object.entries(localStorage))');
      assert.doesNotMatch(await readableByScripts(), /bishop_rt_|eyJ/, 'no token in localStorage or document.cookie');

      // A reload keeps the session: the app trades the cookie for a new access token (the cookie rotates).
      const sessionRefresh = () => page.waitForResponse((response) => response.url().endsWith('/api/session/refresh'));
      const reloaded = sessionRefresh();
      await page.reload();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      await page.getByText('Grace Hopper').waitFor();
      assert.equal((await reloaded).status(), 200);
      const afterReload = await refreshCookie();
      assert.notEqual(afterReload?.value, issued.value, 'the refresh token rotated');
      assert.doesNotMatch(await readableByScripts(), /bishop_rt_|eyJ/);

      // An access token about to expire is refreshed on the next request, without the user noticing.
      await page.clock.fastForward('14:30');
      const renewed = sessionRefresh();
      await page.getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { name: 'Profile' }).waitFor();
      await page.getByText(email, { exact: true }).waitFor();
      assert.equal((await renewed).status(), 200);
      assert.notEqual((await refreshCookie())?.value, afterReload?.value, 'refreshed silently');

      // Log out, then a wrong password, then the right one.
      const loggedOut = page.waitForResponse((response) => response.url().endsWith('/api/session/logout'));
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      assert.equal((await loggedOut).status(), 200);
      assert.equal(await refreshCookie(), undefined, 'log-out clears the cookie');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('wrong password!');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Wrong email or password.').waitFor();
      await shot(page, 'login-wrong-password');
      await page.getByLabel('Password').fill('long enough password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();

      // The same email cannot register twice.
      const other = await freshPage(rig.browser);
      await other.page.goto(`${rig.bishop.url}/signup`);
      await other.page.getByLabel('Full name').fill('Someone Else');
      await other.page.getByLabel('Email').fill(email);
      await other.page.getByLabel('Password').fill('long enough password');
      await other.page.getByRole('button', { name: 'Sign up' }).click();
      await other.page.getByText('An account with this email already exists. Log in instead?').waitFor();
      await other.context.close();

      // Russian UI, remembered across a reload.
      await page.getByLabel('Language').selectOption('ru');
      await page.getByRole('heading', { name: 'Ваши аватары' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Ваши аватары' }).waitFor();
      assert.equal(await page.evaluate('document.documentElement.lang'), 'ru');
      await shot(page, 'avatars-ru');

      assert.deepEqual(errors, []);
    } catch (error) {
      // The page as it was when the step failed, next to the steps before it.
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('account deletion: asks for the password, then erases the account and signs out for good', async () => {
    const shot = screenshots('account-deletion');
    const { page, context, errors } = await freshPage(rig.browser);
    try {
      const { email, password } = await signUp(page, 'Ida Forget');
      await createAvatar(page, 'Ida');
      await page.getByRole('banner').getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { name: 'Profile' }).waitFor();
      await page.getByRole('button', { name: 'Delete my account' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
      // Nothing happens without the password, and a wrong one is said plainly.
      assert.equal(await dialog.getByRole('button', { name: 'Delete everything' }).isDisabled(), true);
      await dialog.getByLabel('Your password, to confirm').fill('not my password');
      await dialog.getByRole('button', { name: 'Delete everything' }).click();
      await dialog.getByText('The password is wrong.').waitFor();
      await shot(page, 'wrong-password');
      await dialog.getByLabel('Your password, to confirm').fill(password);
      await dialog.getByRole('button', { name: 'Delete everything' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.getByText('Your account was deleted').waitFor();
      // The account is gone: logging in again is refused like any unknown account.
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Wrong email or password.').waitFor();
      await shot(page, 'after-deletion');
      assert.deepEqual(errors, []);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('journey: avatar → materials → voice → training → chat with a streamed, spoken reply → rename and delete', async () => {
    const shot = screenshots('journey');
    const { page, context, errors } = await freshPage(rig.browser, { width: 1280, height: 900 });
    try {
      await signUp(page);

      // Create the avatar.
      await page.getByText('No avatars yet').waitFor();
      await createAvatar(page, 'Анна Петрова');
      await shot(page, 'avatar-overview');

      // Persona card: saved and still there after a reload.
      await page.getByLabel('Who the person is').fill('Преподаватель истории науки, читает публичные лекции о радио.');
      await page.getByRole('checkbox', { name: 'Russian' }).check();
      await page.getByRole('button', { name: 'Save persona card' }).click();
      await page.getByText('Persona card saved').waitFor();
      await page.reload();
      assert.match(await page.getByLabel('Who the person is').inputValue(), /лекции о радио/);

      // Upload many files at once: texts, a PDF, an interview recording and a Telegram export.
      await tab(page, 'Materials').click();
      await page.getByText('No materials yet').waitFor();
      const files = [
        documentFixture('lecture-ru.utf8.txt'),
        documentFixture('notes-en.md'),
        documentFixture('lecture.pdf'),
        rig.fixture('interview-two-voices.flac'),
        chatExportFixture('telegram/ChatExport_2024-03-05.zip'),
      ];
      await page
        .getByRole('group', { name: 'Drop files here to upload' })
        .locator('input[type="file"]')
        .setInputFiles(files);
      // Each file has its own progress bar, and each becomes a material.
      assert.equal(await page.getByRole('progressbar', { name: /^Upload progress of / }).count(), 5);
      await page.getByRole('heading', { name: 'Uploads' }).waitFor();
      await page.locator('.uploads li.done').nth(4).waitFor({ timeout: 60_000 });
      await shot(page, 'uploaded');

      // Live states from materialChanged: every material ends Ready (no reload).
      await waitUntilMaterialsReady(page, [
        'lecture-ru.utf8.txt',
        'notes-en.md',
        'lecture.pdf',
        'interview-two-voices.flac',
        'ChatExport_2024-03-05.zip',
      ]);

      // The chat export asks which participant is the person.
      await choosePerson(page, 'Анна Петрова');
      await shot(page, 'materials-ready');
      await page.getByRole('button', { name: 'Clear finished' }).click();
      await page.getByRole('heading', { name: 'Uploads' }).waitFor({ state: 'detached' });
      for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
      await readmeScreenshot(page, 'materials', { fullPage: true });

      // The chat export's page shows what it holds: its date range and each participant's messages.
      await page.getByRole('link', { name: 'ChatExport_2024-03-05.zip', exact: true }).click();
      await page.getByRole('heading', { name: 'What the export holds' }).waitFor();
      await page.getByText(/^Messages from .+ to .+\.$/).waitFor();
      // Playwright's innerText, not the DOM's: it keeps the whitespace between the cells the pattern reads.
      // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator method, rendered text wanted
      assert.match(await page.getByRole('row', { name: /Boris Ivanov/ }).innerText(), /Boris Ivanov\s+7\s/);
      // biome-ignore lint/performance/useDomNodeTextContent: as above
      assert.match(await page.getByRole('row', { name: /Анна Петрова/ }).innerText(), /Анна Петрова\s+6\s/);
      await shot(page, 'chat-facts');
      await page.getByRole('link', { name: 'All materials' }).click();

      // A recording's transcript with timestamps, and its extracted text.
      await page.getByRole('link', { name: 'interview-two-voices.flac', exact: true }).click();
      await page.getByRole('heading', { name: 'Transcript' }).waitFor();
      assert.ok((await page.getByRole('button', { name: /^Play from \d+:\d\d$/ }).count()) >= 2);
      await page.getByRole('heading', { name: 'Extracted text' }).waitFor();
      await shot(page, 'transcript');

      // Voice: consent first, then a sample; the check's verdict arrives live.
      await tab(page, 'Voice').click();
      await page.getByText('Record the consent above before adding a voice sample.').waitFor();
      // A missing capability is said plainly (the test models have no cloning TTS).
      await page.getByText('Voice cloning is not installed').waitFor();
      await page.getByRole('radio', { name: 'I am this person' }).check();
      await page.getByLabel('Statement').fill('Я записываю собственный голос и согласен на его использование.');
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page.getByText(/^✓ Consent recorded/).waitFor();
      await page
        .getByRole('group', { name: 'Drop a voice recording here' })
        .locator('input[type="file"]')
        .setInputFiles(rig.fixture('voice-sample-good.flac'));
      // The test models cannot clone: the accepted sample must not promise the person's voice.
      await page.getByText(/^Good sample\. Voice cloning is not installed on this server/).waitFor({ timeout: 60_000 });
      await page.getByLabel('Play the voice sample').waitFor();
      const figures = await page.getByRole('definition').allTextContents();
      assert.ok(
        figures.some((text) => /LUFS/.test(text)),
        `loudness shown: ${figures.join(' | ')}`,
      );
      await shot(page, 'voice');

      // Train: live stage and percent, then version 1 becomes active.
      await tab(page, 'Training').click();
      await page.getByText('5 materials are ready to learn from.').waitFor();
      await page.getByRole('button', { name: 'Start training' }).click();
      await page
        .getByRole('heading', { name: 'Training in progress' })
        .waitFor({ timeout: 20_000 })
        .catch(() => {
          // A small corpus may finish before the page shows the running state.
        });
      await page.getByText('Active', { exact: true }).waitFor({ timeout: 120_000 });
      await page.getByRole('heading', { name: 'New training run' }).waitFor();
      await page.getByText('Completed', { exact: true }).first().click();
      await page.getByText(/^\d+ materials? used$/).waitFor();
      await shot(page, 'trained');

      // Time travel: the version as it was built (its card, style and materials).
      await page.getByRole('link', { name: 'Version 1' }).click();
      await page.getByRole('heading', { name: 'Persona card then' }).waitFor();
      await page.getByText('Преподаватель истории науки, читает публичные лекции о радио.').waitFor();
      await page.getByRole('heading', { name: '5 materials used' }).waitFor();
      await shot(page, 'version');

      // Test reports: the report of the run, or a clear "not yet" when no tester has run.
      await tab(page, 'Test reports').click();
      await page.getByRole('heading', { name: 'Test reports', level: 2 }).waitFor();
      const reported = await page.getByRole('article').count();
      if (reported === 0) await page.getByText('No test reports yet').waitFor();
      await shot(page, 'tests');

      // History: the timeline shows what happened.
      await tab(page, 'History').click();
      await page.getByText('Proof that history was not rewritten').waitFor();
      assert.ok((await page.getByRole('listitem').count()) > 5);
      await shot(page, 'history');

      // Chat: the reply streams in piece by piece, then the spoken version appears.
      await tab(page, 'Chats').click();
      await page.getByText('No chats yet').waitFor();
      await page.getByLabel('Title of the new chat').fill('О радио');
      await page.getByRole('button', { name: 'Start chat' }).click();
      await page.getByRole('heading', { name: 'О радио' }).waitFor();
      // Record every state the reply bubble goes through (typing…, partial texts, final text).
      await page.evaluate(`(() => {
        const seen = (window.replySeen = { typing: false, partials: [] });
        new MutationObserver(() => {
          if (document.querySelector('.typing')) seen.typing = true;
          const streaming = document.querySelector('.streaming')?.textContent ?? '';
          if (streaming && seen.partials.at(-1) !== streaming) seen.partials.push(streaming);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      })()`);
      await page.getByText('No language model is installed').waitFor();
      await page.getByRole('textbox', { name: 'Message' }).fill('Как прошла лекция?');
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');
      await page.getByText('Как прошла лекция?').first().waitFor();
      await page.getByLabel('Play the spoken reply').waitFor({ timeout: 90_000 });
      const seen = await page.evaluate<{ typing: boolean; partials: string[] }>('window.replySeen');
      assert.ok(seen.partials.length >= 2, `the reply arrived in pieces: ${JSON.stringify(seen)}`);
      const finalText = (await page.locator('.reply .text').last().textContent()) ?? '';
      assert.ok(finalText.startsWith(seen.partials[0] ?? '\u0000'), 'the stored reply continues the streamed text');
      await page.getByText('Synthetic generic voice').waitFor();
      await shot(page, 'chat');
      await readmeScreenshot(page, 'chat');

      // Rename and delete the chat.
      await page.getByRole('button', { name: 'Rename chat' }).click();
      await page.getByRole('dialog').getByLabel('Title').fill('История радио');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'История радио' }).waitFor();
      await page.getByRole('button', { name: 'Delete chat' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByText('No chats yet').waitFor();

      // Rename the avatar, then delete it: the dialog names what is destroyed.
      await page.getByRole('button', { name: 'Rename avatar' }).click();
      await page.getByRole('dialog').getByLabel('Name').fill('А. Петрова');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: 'А. Петрова' }).waitFor();
      await page.getByRole('button', { name: 'Delete avatar' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('5 uploaded materials and their extracted texts').waitFor();
      await dialog.getByText('the voice sample and the voice consent').waitFor();
      await dialog.getByText('1 trained persona version').waitFor();
      await shot(page, 'delete-confirmation');
      assert.equal(await dialog.getByRole('button', { name: 'Delete forever' }).isDisabled(), true);
      await dialog.getByLabel('Type “А. Петрова” to confirm').fill('А. Петрова');
      await dialog.getByRole('button', { name: 'Delete forever' }).click();
      await page.getByText('No avatars yet').waitFor();
      await shot(page, 'deleted');

      assert.deepEqual(errors, []);
    } catch (error) {
      // The page as it was when the step failed, next to the steps before it.
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('accessibility: no serious or critical axe violations on the main pages; usable at phone width', async () => {
    const shot = screenshots('accessibility');
    const { page, context } = await freshPage(rig.browser);
    try {
      const problems: string[] = [];
      const check = async (name: string) => {
        await page.waitForLoadState('networkidle');
        for (const v of await seriousAxeViolations(page))
          problems.push(`${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
      };

      for (const path of ['/', '/login', '/signup']) {
        await page.goto(`${rig.bishop.url}${path}`);
        await check(path);
      }
      await signUp(page, 'Мария Кюри');
      await check('avatars (empty)');
      await createAvatar(page, 'Мария Склодовская-Кюри');
      await check('avatar overview');
      for (const section of ['Materials', 'Voice', 'Training', 'Chats', 'Test reports', 'History']) {
        await tab(page, section).click();
        await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
        await check(section);
      }
      await tab(page, 'Chats').click();
      await page.getByRole('button', { name: 'Start chat' }).click();
      await page.getByRole('textbox', { name: 'Message' }).waitFor();
      await check('chat');
      const chatUrl = page.url();
      const avatarUrl = chatUrl.replace(/\/chats\/.*$/, '');
      await page.getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { name: 'Profile' }).waitFor();
      await check('profile');
      assert.deepEqual(problems, []);

      // Phone width: nothing sticks out sideways, the tabs scroll, the chat box stays usable.
      await page.setViewportSize({ width: 375, height: 740 });
      for (const [name, url] of [
        ['avatars', `${rig.bishop.url}/avatars`],
        ['overview', avatarUrl],
        ['materials', `${avatarUrl}/materials`],
        ['voice', `${avatarUrl}/voice`],
        ['training', `${avatarUrl}/training`],
        ['chat', chatUrl],
        ['profile', `${rig.bishop.url}/profile`],
      ] as const) {
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the phone`);
        await shot(page, `phone-${name}`);
      }
      await page.goto(chatUrl);
      await page.getByRole('textbox', { name: 'Message' }).waitFor();

      // Keyboard: the skip link is the first stop and moves focus to the content.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Skip to content');
    } catch (error) {
      // The page as it was when the step failed, next to the steps before it.
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
