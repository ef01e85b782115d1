import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import VoiceSampleCard from '../src/lib/components/voice/VoiceSampleCard.svelte';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

const rejected = {
  id: 's1',
  state: 'REJECTED' as const,
  durationSec: 20.4,
  loudnessLufs: -23.1,
  speakerConsistency: 0.41,
  failure: { code: 'SEVERAL_SPEAKERS', reason: 'More than one person speaks in this sample.' },
  submittedAt: '2026-12-07T10:00:00.000Z',
  audioUrl: '/media/voice/s1',
};

describe('voice sample card', () => {
  i18n.setLocale('en');

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
});
