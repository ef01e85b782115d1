import { describe, expect, it } from 'vitest';
import { shownAsIs } from '../src/lib/graphql/shown-as-is.ts';

describe('shownAsIs', () => {
  const shown = { id: 'a', name: 'Ann', status: 'READY', activePersonaVersion: 2, extra: [1] };

  it('is true when every field of the change has the value shown (the subscription’s starting row)', () => {
    expect(shownAsIs(shown, { id: 'a', name: 'Ann', status: 'READY', activePersonaVersion: 2 })).toBe(true);
  });

  it('is false for a changed field, a row not shown, or a nested value that differs', () => {
    expect(shownAsIs(shown, { id: 'a', name: 'Anna', status: 'READY' })).toBe(false);
    expect(shownAsIs(undefined, { id: 'a' })).toBe(false);
    expect(shownAsIs(shown, { id: 'a', extra: [2] })).toBe(false);
  });
});
