import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateOf, validIsoDate } from '../../src/kernel/dates.ts';
import { isDomainError } from '../../src/kernel/errors.ts';
import { validLanguageCode } from '../../src/kernel/language.ts';
import { validNumber } from '../../src/kernel/numbers.ts';

const invalid = (error: unknown) => isDomainError(error) && error.code === 'BISHOP_ERR_INVALID_VALUE';

describe('small values', () => {
  it('canonicalise language tags', () => {
    assert.equal(validLanguageCode('RU', 'Language'), 'ru');
    assert.equal(validLanguageCode('zh-hant-tw', 'Language'), 'zh-Hant-TW');
    assert.throws(() => validLanguageCode('r', 'Language'), invalid);
    assert.throws(() => validLanguageCode('ru_RU', 'Language'), invalid);
  });

  it('accept real calendar dates only', () => {
    assert.equal(validIsoDate('2024-02-29', 'Date'), '2024-02-29');
    assert.throws(() => validIsoDate('2023-02-29', 'Date'), invalid);
    assert.throws(() => validIsoDate('1900-02-29', 'Date'), invalid);
    assert.equal(validIsoDate('2000-02-29', 'Date'), '2000-02-29');
    assert.throws(() => validIsoDate('2024-13-01', 'Date'), invalid);
    assert.throws(() => validIsoDate('2024-1-01', 'Date'), invalid);
    assert.equal(dateOf('2025-03-01T23:59:59.999Z'), '2025-03-01');
  });

  it('explain a number out of range in a sentence', () => {
    assert.throws(
      () => validNumber(75, { field: 'Voice sample duration', min: 6, max: 60, unit: 'seconds' }),
      (error) =>
        invalid(error) &&
        (error as Error).message === 'Voice sample duration must be between 6 and 60 seconds (got 75)',
    );
    assert.throws(() => validNumber(Number.NaN, { field: 'Size', min: 0 }), invalid);
    assert.throws(() => validNumber('3' as unknown as number, { field: 'Size', min: 0 }), invalid);
  });
});
