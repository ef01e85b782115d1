import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TranscriptView from '../src/lib/components/materials/TranscriptView.svelte';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

const segment = (text: string, isPerson: boolean | null, speakerSimilarity: number | null) => ({
  startSec: 1,
  endSec: 2,
  text,
  isPerson,
  speakerSimilarity,
});

describe('transcript view', () => {
  i18n.setLocale('en');

  it('marks the person by the server’s verdict, not by a threshold of its own', () => {
    // 0.75 is above the old hard-coded 0.7 but below the model's threshold: the server said "not the person".
    render(TranscriptView, {
      segments: [segment('I began in my kitchen.', true, 0.91), segment('How did it start?', false, 0.75)],
      speakers: {
        sampleId: 's1',
        threshold: 0.86,
        personSpeechSec: 41,
        otherSpeechSec: 12,
        failure: null,
      },
    });
    const items = screen.getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('the person');
    expect(items[1]?.textContent).toContain('another voice');
    expect(items[1]?.textContent).toContain('0.75');
    expect(screen.getByText(/reaches 0\.86/)).toBeTruthy();
  });

  it('shows negative similarities as they are (cosines run from −1 to 1)', () => {
    render(TranscriptView, { segments: [segment('Right.', false, -0.12)], speakers: null });
    expect(screen.getByRole('listitem').textContent).toContain('-0.12');
  });

  it('shows no verdict for an untagged recording, and why tagging failed', () => {
    render(TranscriptView, {
      segments: [segment('Hello.', null, null)],
      speakers: {
        sampleId: 's1',
        threshold: null,
        personSpeechSec: null,
        otherSpeechSec: null,
        failure: { code: 'AUDIO_UNREADABLE', reason: 'The recording could not be read' },
      },
    });
    expect(screen.getByRole('listitem').textContent).not.toContain('the person');
    expect(screen.getByText(/could not be read/)).toBeTruthy();
  });
});
