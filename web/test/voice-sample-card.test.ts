import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import VoiceSampleCard from '../src/lib/components/voice/VoiceSampleCard.svelte';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';
import { serviceStatus } from '../src/lib/status/service-status.svelte.ts';

const rejected = {
  id: 's1',
  state: 'REJECTED' as const,
  durationSec: 20.4,
  loudnessLufs: -23.1,
  speakerConsistency: 0.41,
  failure: { code: 'SEVERAL_SPEAKERS', reason: 'More than one person speaks in this sample.' },
  submittedAt: '2026-12-07T10:00:00.000Z',
  audioUrl: '/media/voice/s1',
  active: false,
  replacesActive: true,
  fileName: 'me.wav',
  segment: null,
  preview: null,
};
const accepted = { ...rejected, state: 'READY' as const, failure: null, speakerConsistency: 0.46, active: true };

describe('voice sample card', () => {
  i18n.setLocale('en');
  afterEach(() => {
    serviceStatus.parts = null;
  });

  it('shows what the check measured beside the reason a sample was rejected', () => {
    render(VoiceSampleCard, { sample: rejected });
    expect(screen.getByText('Rejected')).toBeTruthy();
    const figures = within(screen.getByLabelText('Check results'));
    expect(figures.getByText('20.4 s')).toBeTruthy();
    expect(figures.getByText('-23.1 LUFS')).toBeTruthy();
    expect(figures.getByText('41%')).toBeTruthy();
    expect(screen.getByText('More than one person speaks in this sample.')).toBeTruthy();
  });

  it('leaves out the loudness of a silent sample (measured as −∞), keeping the rest', () => {
    render(VoiceSampleCard, { sample: { ...rejected, loudnessLufs: null } });
    expect(screen.queryByText(/LUFS/)).toBeNull();
    expect(screen.getByText('20.4 s')).toBeTruthy();
  });

  it('says what “one speaker” measures, next to the figure', () => {
    render(VoiceSampleCard, { sample: accepted });
    expect(screen.getByText('46%').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/how alike the voice sounds across the sample/)).toBeTruthy();
  });

  it('never promises the cloned voice when cloning is not installed or consent was withdrawn', () => {
    serviceStatus.parts = [{ name: 'model:tts-clone', ok: false, detail: null }];
    const { unmount } = render(VoiceSampleCard, { sample: accepted });
    expect(screen.getByText(/Voice cloning is not installed on this server/)).toBeTruthy();
    expect(screen.queryByText('Good sample: spoken replies use this voice.')).toBeNull();
    unmount();
    serviceStatus.parts = [{ name: 'model:tts-clone', ok: true, detail: null }];
    render(VoiceSampleCard, { sample: accepted, consent: false });
    expect(screen.getByText(/no consent stands/)).toBeTruthy();
  });

  it('promises the cloned voice only for the chosen sample with consent and cloning installed', () => {
    serviceStatus.parts = [{ name: 'model:tts-clone', ok: true, detail: null }];
    render(VoiceSampleCard, { sample: accepted, avatarId: 'a1' });
    expect(screen.getByText('Good sample: spoken replies use this voice.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use this sample' })).toBeNull();
  });

  it('offers to use a kept sample that passed the check', () => {
    render(VoiceSampleCard, { sample: { ...accepted, active: false }, avatarId: 'a1' });
    expect(screen.getByText('Passed the check')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use this sample' })).toBeTruthy();
  });

  it('shows no player for a segment not cut yet (its audio does not exist before the check)', () => {
    const segment = { materialId: 'm1', startSec: 0, endSec: 12 };
    render(VoiceSampleCard, { sample: { ...rejected, state: 'SUBMITTED', failure: null, fileName: null, segment } });
    expect(screen.queryByLabelText('Play the voice sample')).toBeNull();
    expect(screen.getByText('Cut from a recording, 0:00–0:12')).toBeTruthy();
  });
});
