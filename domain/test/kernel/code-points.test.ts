import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codePointCount } from '../../src/kernel/text.ts';

describe('counting code points', () => {
  it('counts as spreading the string does: an emoji one, a lone surrogate one, at either end too', () => {
    const cases = [
      '',
      'a',
      'привет',
      '😀',
      'a😀b',
      '😀😀',
      '\ud83d',
      'x\ud83d',
      '\ude00x',
      '\ude00\ud83d',
      'я\ud83d\ude00\ud83d',
    ];
    for (const text of cases) assert.equal(codePointCount(text), [...text].length, JSON.stringify(text));
  });

  it('agrees with spreading on random mixes of letters, pairs and lone halves', () => {
    const pieces = ['a', 'ж', '😀', '\ud83d', '\ude00', '\n', '𝄞'];
    let seed = 3;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 500; round++) {
      const text = Array.from(
        { length: Math.floor(next() * 20) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      assert.equal(codePointCount(text), [...text].length, JSON.stringify(text));
    }
  });
});
