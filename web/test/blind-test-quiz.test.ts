import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BlindTestQuiz from '../src/lib/components/blind-test/BlindTestQuiz.svelte';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

const round = {
  personaVersion: 2,
  pairs: [
    {
      index: 0,
      message: 'How was the lecture?',
      options: [
        { id: 'a', text: 'Fine, long.' },
        { id: 'r', text: 'Great!!' },
      ],
    },
    {
      index: 3,
      message: 'Coming tonight?',
      options: [
        { id: 'r2', text: 'yes' },
        { id: 'b', text: 'Maybe.' },
      ],
    },
  ],
};

describe('blind test quiz', () => {
  i18n.setLocale('en');

  it('asks one message at a time, says whose each reply was after a pick, and counts the right ones', async () => {
    const guesses: [number, string][] = [];
    const guess = async (pairIndex: number, optionId: string) => {
      guesses.push([pairIndex, optionId]);
      const realOptionId = pairIndex === 0 ? 'r' : 'r2';
      return { correct: optionId === realOptionId, realOptionId, counted: true };
    };
    render(BlindTestQuiz, { round, guess });
    expect(screen.getByText('Message 1 of 2')).toBeTruthy();
    expect(screen.getByText('How was the lecture?')).toBeTruthy();
    // Nothing says which is real before the pick.
    expect(screen.queryByText('The person’s real reply')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Reply A is real' }));
    await screen.findByText('No: you took the avatar for the person.');
    expect(screen.getByText('The person’s real reply')).toBeTruthy();
    expect(screen.getByText('The avatar’s reply')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Next message' }));
    expect(screen.getByText('Message 2 of 2')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Reply A is real' }));
    await screen.findByText('Right: you told the real reply.');
    await fireEvent.click(screen.getByRole('button', { name: 'See my result' }));
    expect(screen.getByText('Done: you picked the real reply in 1 of 2 messages.')).toBeTruthy();
    expect(guesses).toEqual([
      [0, 'a'],
      [3, 'r2'],
    ]);
  });

  it('says when a guess did not count (the pair was guessed before)', async () => {
    render(BlindTestQuiz, {
      round,
      guess: async () => ({ correct: true, realOptionId: 'a', counted: false }),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Reply A is real' }));
    await screen.findByText(/only your first guess counts/);
  });
});
