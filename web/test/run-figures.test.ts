import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { holdOutShortfall, runFigures } from '../src/lib/components/training/run-figures.ts';
import StartTraining from '../src/lib/components/training/StartTraining.svelte';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

describe('training run figures', () => {
  i18n.setLocale('en');

  it('says how many more dialogue pairs the avatar test needs, and nothing when there are enough', () => {
    expect(holdOutShortfall({ pairs: 4, heldOutPairs: 0, pairsNeededToHoldOut: 11 })).toEqual({ pairs: 4, needed: 11 });
    expect(holdOutShortfall({ pairs: 15, heldOutPairs: 5, pairsNeededToHoldOut: 0 })).toBeNull();
    expect(holdOutShortfall({})).toBeNull();
  });

  it('shows how many pairs the run held out and the speech used and left out of recordings', () => {
    const figures = runFigures({
      pairs: 15,
      heldOutPairs: 5,
      heldOutKeptFromEarlier: 3,
      recordings: [
        { usedSpeechSec: 10.25, droppedSpeechSec: 4 },
        { usedSpeechSec: 2, droppedSpeechSec: 0.5 },
      ],
    });
    expect(figures).toContainEqual({ label: 'run.figure.heldOut', value: 5 });
    expect(figures).toContainEqual({ label: 'run.figure.heldOutKept', value: 3 });
    expect(figures).toContainEqual({ label: 'run.figure.speechUsed', value: 12.3 });
    expect(figures).toContainEqual({ label: 'run.figure.speechDropped', value: 4.5 });
  });

  it('offers the hold-out share when starting training, 10 % unless changed', () => {
    render(StartTraining, { avatarId: 'a1', readyMaterials: 2, busyMaterials: 0, onstarted: () => {} });
    const input = screen.getByRole('spinbutton', { name: /Keep for the avatar test/ }) as HTMLInputElement;
    expect(input.value).toBe('10');
    expect(screen.getByText(/at least 5 are kept/)).toBeTruthy();
  });
});
