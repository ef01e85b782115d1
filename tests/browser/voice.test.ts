import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { avatarTab, bishopInChromium, waitUntilMaterialsReady } from './bishop-in-chromium.ts';
import { fakeMicrophoneArgs, freshPage, screenshots, seriousAxeViolations } from './browser.ts';

const run = promisify(execFile);

/**
 * Speech for the fake microphone and a 12 s recording to cut from: one espeak-ng voice (the
 * fixtures' "person"), 48 kHz 16-bit mono WAV as Chromium's fake capture wants it.
 */
async function makeSpeech(): Promise<{ microphone: string; recording12s: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bishop-voice-browser-'));
  const raw = join(dir, 'raw.wav');
  const microphone = join(dir, 'microphone.wav');
  const recording12s = join(dir, 'lecture-12s.flac');
  const text =
    'Good evening. Today I will talk about the history of radio, and about the people who built the first receivers.';
  await run('espeak-ng', ['-v', 'en+m3', '-p', '30', '-s', '150', '-w', raw, text]);
  await run('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', microphone, 'norm', '-3']);
  // Said twice and cut at exactly 12 s: the length the cut form must default to.
  await run('sox', [raw, raw, '-r', '16000', '-c', '1', '-b', '16', recording12s, 'norm', '-3', 'trim', '0', '12']);
  return { microphone, recording12s };
}

/**
 * The voice page in Debian's Chromium with a fake microphone, against `bishop start` on the
 * test models (which cannot clone a voice): issue 21 item 4 and "voice like ElevenLabs".
 */
describe('voice page in Chromium', () => {
  let speech: Awaited<ReturnType<typeof makeSpeech>> | undefined;
  const rig = bishopInChromium('voice-browser', {
    chromiumArgs: async () => {
      speech = await makeSpeech();
      return fakeMicrophoneArgs(speech.microphone);
    },
    // Two cores shared with other work: the first start (database, web build check) can be slow.
    startTimeoutMs: 180_000,
  });
  const sampleCard = (page: Page, title: string | RegExp): Locator =>
    page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });

  it('records, keeps and chooses samples, cuts one honestly, says the truth about cloning, withdraws consent', async () => {
    const shot = screenshots('voice');
    const { page, context, errors } = await freshPage(rig.browser, { width: 1280, height: 900 });
    try {
      const problems: string[] = [];
      const axe = async (name: string) => {
        for (const v of await seriousAxeViolations(page)) problems.push(`${name}: ${v.id} (${v.impact}) ${v.help}`);
      };
      // Sign up, create an avatar, upload a 12 s recording to cut from later.
      await page.goto(`${rig.bishop.url}/signup`);
      await page.getByLabel('Full name').fill('Nikola Tesla');
      await page.getByLabel('Email').fill(`voice-${Date.now()}@example.org`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Nikola');
      await page.getByRole('button', { name: 'Create avatar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nikola' }).waitFor();
      await avatarTab(page, 'Materials').click();
      await page.getByText('No materials yet').waitFor();
      await page
        .getByRole('group', { name: 'Drop files here to upload' })
        .locator('input[type="file"]')
        .setInputFiles(speech?.recording12s ?? '');
      await waitUntilMaterialsReady(page, ['lecture-12s.flac']);

      // Consent first; it can be withdrawn once recorded.
      await avatarTab(page, 'Voice').click();
      await page.getByText('Voice cloning is not installed').waitFor();
      await page.getByRole('radio', { name: 'I am this person' }).check();
      await page.getByLabel('Statement').fill('I record my own voice and agree to its use for this avatar.');
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page.getByText(/^✓ Consent recorded/).waitFor();
      await page.getByRole('button', { name: 'Withdraw consent' }).waitFor();

      // Record in the browser: the level meter moves and the 6–60 s rule is shown live.
      await page.getByRole('button', { name: 'Start recording' }).click();
      const meter = page.getByRole('meter', { name: 'Microphone level' });
      await meter.waitFor();
      await page.getByText(/too short, a sample needs at least 6 s/).waitFor();
      let loudest = 0;
      for (let i = 0; i < 40 && loudest < 0.2; i++) {
        loudest = Math.max(loudest, Number(await meter.evaluate((m) => (m as unknown as { value: number }).value)));
        await page.waitForTimeout(100);
      }
      assert.ok(loudest >= 0.2, `the level meter shows the microphone's sound (highest level ${loudest})`);
      await page.getByText(/^Long enough \(6–60 s\)/).waitFor({ timeout: 15_000 });
      await shot(page, 'recording');
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: 'Stop recording' }).click();
      await page.getByLabel('Play the recording you made').waitFor();
      await page.getByText(/^Recorded \d+(\.\d)? s: listen/).waitFor();
      await page.getByRole('button', { name: 'Use this recording' }).click();

      // The recording becomes the sample in use, and says plainly that a generic voice speaks.
      const recorded = sampleCard(page, /^recording-.+\.(webm|ogg|m4a)$/);
      await recorded.getByText('Chosen for spoken replies').waitFor({ timeout: 90_000 });
      await recorded.getByText(/^Good sample\. Voice cloning is not installed on this server/).waitFor();
      assert.equal(await page.getByText('Good sample: spoken replies use this voice.').count(), 0);
      // "One speaker" is explained beside its figure.
      await recorded.getByText(/“One speaker”: how alike the voice sounds across the sample/).waitFor();
      await shot(page, 'recorded-sample');

      // A second sample asks what happens to the one in use; kept beside it by default, chosen later.
      const keep = page.getByRole('radio', { name: /keep the sample in use/ });
      assert.equal(await keep.isChecked(), true, 'the sample in use is kept unless the user says otherwise');
      await page
        .getByRole('group', { name: 'Drop a voice recording here' })
        .locator('input[type="file"]')
        .setInputFiles(rig.fixture('voice-sample-good.flac'));
      const uploaded = sampleCard(page, 'voice-sample-good.flac');
      await uploaded.getByText('Passed the check').waitFor({ timeout: 90_000 });
      await recorded.getByText('Chosen for spoken replies').waitFor();
      await uploaded.getByText(/^Good sample, kept\./).waitFor();
      await uploaded.getByRole('button', { name: 'Use this sample' }).click();
      await uploaded.getByText('Chosen for spoken replies').waitFor();
      await recorded.getByText('Passed the check').waitFor();

      // Cut from the 12 s recording: End starts at its real length, errors say what is wrong.
      const end = page.getByLabel('End (seconds)');
      assert.equal(await end.inputValue(), '12');
      await page.getByText('Segment length: 12 s, within the 6–60 s rule.').waitFor();
      await end.fill('15');
      await page.getByText('The end is past the end of the recording (12 s).').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Use this segment' }).isDisabled(), true);
      await end.fill('4');
      await page.getByText('4 s: too short, a sample needs at least 6 s (2 s more).').waitFor();
      await end.fill('12');
      // This time the new sample is to replace the one in use.
      await page.getByRole('radio', { name: 'use the new sample instead' }).check();
      await page.getByRole('button', { name: 'Use this segment' }).click();
      const cut = sampleCard(page, 'Cut from a recording, 0:00–0:12');
      await cut.waitFor();
      await cut.getByText('Chosen for spoken replies').waitFor({ timeout: 90_000 });
      await uploaded.getByText('Passed the check').waitFor();
      // The player works without a reload (it showed 0:00/0:00 after a 404 before).
      const player = cut.getByLabel('Play the voice sample');
      let duration = 0;
      for (let i = 0; i < 50 && !(duration > 0); i++) {
        duration = await player.evaluate((audio) => (audio as unknown as { duration: number }).duration);
        if (!(duration > 0)) await page.waitForTimeout(200);
      }
      assert.ok(Math.abs(duration - 12) < 0.5, `the cut sample plays its 12 s (player says ${duration})`);
      // Preview any text in the chosen sample's voice, through the dub path; honest about which voice spoke.
      await cut.getByLabel('Hear any text in this voice').fill('Hello. This is how my voice sounds in a reply.');
      await cut.getByRole('button', { name: 'Preview' }).click();
      await cut.getByLabel('Play the preview').waitFor({ timeout: 90_000 });
      await cut.getByText('Spoken in a generic voice: voice cloning is not installed on this server.').waitFor();
      await shot(page, 'three-samples');
      await axe('voice page, desktop');
      await page.setViewportSize({ width: 390, height: 844 });
      await axe('voice page, phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Withdraw consent: asked first, takes effect at once, and can be given again.
      await page.getByRole('button', { name: 'Withdraw consent' }).click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw the consent to clone this voice?' });
      await dialog.getByText('Replies spoken before stay, marked as made under the withdrawn consent.').waitFor();
      await axe('withdraw dialog');
      await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
      await page.getByText(/^Consent was withdrawn .+ Spoken replies use a generic voice/).waitFor();
      await cut.getByText(/no consent stands: spoken replies use a generic voice/).waitFor();
      await page.getByText('Record the consent above before adding a voice sample.').waitFor();
      await page.getByRole('button', { name: 'Record consent' }).waitFor();
      await page.reload();
      await page.getByText(/^Consent was withdrawn/).waitFor();
      await shot(page, 'withdrawn');

      // The history tells the story in order.
      await avatarTab(page, 'History').click();
      await page.getByText('Voice consent withdrawn: cloning stopped').first().waitFor();
      await page.getByText('Voice sample chosen for spoken replies').first().waitFor();

      assert.deepEqual(problems, [], 'axe-core: no serious or critical violations');
      assert.deepEqual(errors, [], 'no page errors');
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
