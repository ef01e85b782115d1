import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/graphql/api-error.ts';
import { errorMessage } from '../src/lib/i18n/error-message.ts';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';
import { mergeMaterials } from '../src/lib/materials/merge-materials.ts';

describe('error messages', () => {
  afterEach(() => i18n.setLocale('en'));

  it('uses the message of the code, in the chosen language', () => {
    const taken = new ApiError('This email is already registered', 'CONFLICT', 'BISHOP_ERR_EMAIL_TAKEN');
    expect(errorMessage(taken)).toBe('An account with this email already exists. Log in instead?');
    i18n.setLocale('ru');
    expect(errorMessage(taken)).toBe('Аккаунт с этой почтой уже существует. Может быть, войти?');
  });

  it('says when to retry after too many attempts', () => {
    const limited = new ApiError('Too many', 'RATE_LIMITED', 'BISHOP_ERR_RATE_LIMITED', { retryAfterSeconds: 41.2 });
    expect(errorMessage(limited)).toBe('Too many attempts. Try again in 42 s.');
  });

  it('never shows an internal error or a stack as it is', () => {
    const internal = new ApiError('Something went wrong on our side (reference 1234)', 'INTERNAL');
    expect(errorMessage(internal)).toBe('Something went wrong on our side. Please try again.');
    expect(errorMessage(new TypeError('x is undefined'))).toBe('Something went wrong on our side. Please try again.');
    expect(errorMessage(ApiError.network(new Error('fetch failed')))).toMatch(/cannot be reached/);
  });
});

describe('materials list with live changes', () => {
  const material = (id: string, updatedAt: string, extra: object = {}) => ({
    id,
    updatedAt,
    uploadedAt: `2026-01-01T00:00:0${id}Z`,
    removed: false,
    state: 'UPLOADED',
    ...extra,
  });

  it('takes the newer version of each material and drops removed ones', () => {
    const loaded = [material('1', '2026-01-01T00:00:05Z'), material('2', '2026-01-01T00:00:05Z')];
    const changes = new Map([
      ['1', material('1', '2026-01-01T00:00:09Z', { state: 'READY' })],
      ['2', material('2', '2026-01-01T00:00:01Z', { state: 'EXTRACTING' })],
      ['3', material('3', '2026-01-01T00:00:09Z', { removed: true })],
    ]);
    expect(mergeMaterials(loaded, changes).map((m) => [m.id, m.state])).toEqual([
      ['1', 'READY'],
      ['2', 'UPLOADED'],
    ]);
  });
});
