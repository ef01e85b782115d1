import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '../../src/kernel/errors.ts';
import { jsonEquals, validJsonObject } from '../../src/kernel/json.ts';

/** `[[[…[1]…]]]`, `depth` arrays deep. */
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
const rule = { field: 'Settings', maxLength: 100 };
const rejectsWith = (code: string) => (error: unknown) => isDomainError(error) && error.code === code;

describe('JSON values', () => {
  it('accepts a nested plain object', () => {
    const value = { a: [1, 'two', null, true, { b: -0.5 }] };
    assert.equal(validJsonObject(value, rule), value);
  });

  const notJson: [string, unknown][] = [
    ['an array', []],
    ['null', null],
    ['a date', { at: new Date(0) }],
    ['a bigint', { n: 1n }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['a function', { f: () => 1 }],
    ['a hole in an array', { list: new Array(3) }],
    ['a lone surrogate', { s: '\ud800' }],
    ['a class instance', new Map()],
    ['nesting deeper than 32 levels', { deep: nested(40) }],
  ];
  for (const [what, value] of notJson) {
    it(`rejects ${what}`, () => {
      assert.throws(() => validJsonObject(value, rule), rejectsWith('BISHOP_ERR_INVALID_VALUE'));
    });
  }

  it('rejects an object larger than the limit', () => {
    assert.throws(() => validJsonObject({ s: 'x'.repeat(100) }, rule), rejectsWith('BISHOP_ERR_LIMIT_EXCEEDED'));
  });

  it('compares deeply, ignoring key order', () => {
    assert.equal(jsonEquals({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }), true);
    assert.equal(jsonEquals({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(jsonEquals([1, 2], [2, 1]), false);
    assert.equal(jsonEquals({ a: [] }, { a: {} }), false);
    assert.equal(jsonEquals(null, {}), false);
  });
});
