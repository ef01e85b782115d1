import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DomainError, isDomainError } from '../../src/kernel/errors.ts';
import { jsonEquals, validJson, validJsonObject } from '../../src/kernel/json.ts';

/** `[[[…[1]…]]]`, `depth` arrays deep. */
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
};
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
    ['a class instance', new Map()],
    ['nesting deeper than 32 levels', { deep: nested(40) }],
  ];
  for (const [what, value] of notJson) {
    it(`rejects ${what}`, () => {
      assert.throws(() => validJsonObject(value, rule), rejectsWith('BISHOP_ERR_INVALID_VALUE'));
    });
  }

  const badText: [string, unknown, string][] = [
    ['a NUL in a key (the log-poisoning attack)', { 'holdOutShare\u0000': 1 }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['a NUL in a string', { a: ['x\u0000y'] }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['a line break in a key', { 'a\nb': 1 }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['a bidi override in a key', { 'a\u202eb': 1 }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['an escape character in a string', { a: 'x\u001by' }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
    ['a lone surrogate in a string', { s: '\ud800' }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ['a lone surrogate in a key', { '\udc00': 1 }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ['a key longer than 200 characters', { ['k'.repeat(201)]: 1 }, 'BISHOP_ERR_LIMIT_EXCEEDED'],
  ];
  for (const [what, value, code] of badText) {
    it(`rejects ${what}, naming where`, () => {
      assert.throws(
        () => validJsonObject(value, { ...rule, maxLength: 10_000 }),
        (error: unknown) => rejectsWith(code)(error) && typeof (error as DomainError).details.path === 'string',
      );
    });
  }

  it('keeps line breaks and tabs in free text, and any language or emoji in keys', () => {
    const value = { заметка: 'line one\nline two\tend', '🙂 key': 'ok' };
    assert.equal(validJsonObject(value, rule), value);
  });

  it('lets computed figures quote text with controls a store can hold, but never NUL', () => {
    const computed = { ...rule, computed: true };
    const quoted = { phrases: ['a\u202eb', 'x\u001by'] };
    assert.equal(validJsonObject(quoted, computed), quoted);
    assert.throws(() => validJsonObject({ 'k\u0000': 1 }, computed), rejectsWith('BISHOP_ERR_TEXT_CONTROL_CHARACTERS'));
  });

  it('accepts any JSON value as an argument, and refuses hostile nesting without walking it all', () => {
    assert.deepEqual(validJson([1, 'a', null], rule), [1, 'a', null]);
    assert.throws(() => validJson(nested(100_000), rule), rejectsWith('BISHOP_ERR_INVALID_VALUE'));
  });

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
