import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '../../src/kernel/errors.ts';
import { assertStorableEventData } from '../../src/kernel/storable.ts';

const rejectsWith = (code: string) => (error: unknown) => isDomainError(error) && error.code === code;

describe('event data a store can keep', () => {
  it('accepts ordinary data, free text with line breaks and controls included', () => {
    assert.doesNotThrow(() =>
      assertStorableEventData('MessageSent', { text: 'hi\nthere\t\u001b', nested: { list: [1, null, true] } }),
    );
  });

  const unstorable: [string, unknown, string][] = [
    ['a NUL in a key', { settings: { 'holdOutShare\u0000': 1 } }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['a NUL in a string', { name: 'a\u0000' }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['a lone high surrogate', { name: 'a\ud83d' }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ['a lone low surrogate in a key', { '\ude00': 'x' }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ['a value JSON cannot hold', { at: new Date(0) }, 'BISHOP_ERR_INVALID_VALUE'],
    ['a non-finite number', { n: Number.NaN }, 'BISHOP_ERR_INVALID_VALUE'],
  ];
  for (const [what, data, code] of unstorable) {
    it(`refuses ${what} with a validation code, naming the event`, () => {
      assert.throws(
        () => assertStorableEventData('TrainingStarted', data),
        (error: unknown) => rejectsWith(code)(error) && /TrainingStarted data/.test((error as Error).message),
      );
    });
  }

  it('refuses nesting deeper than 64 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = { d: deep };
    assert.throws(() => assertStorableEventData('X', deep), rejectsWith('BISHOP_ERR_INVALID_VALUE'));
  });
});
