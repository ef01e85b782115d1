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

  it('says at what time to retry after too many attempts, and how a locked-out owner gets back in', () => {
    const retryAt = new Date(2026, 0, 5, 14, 32).toISOString();
    const limited = new ApiError('Too many', 'RATE_LIMITED', 'BISHOP_ERR_RATE_LIMITED', {
      retryAfterSeconds: 900,
      retryAt,
    });
    expect(errorMessage(limited)).toBe('Too many attempts. Try again at 2:32 PM.');
    const lockedOut = new ApiError('Too many', 'RATE_LIMITED', 'BISHOP_ERR_RATE_LIMITED', { retryAt, scope: 'login' });
    expect(errorMessage(lockedOut)).toBe(
      'Too many log-in attempts. Try again at 2:32 PM. Forgot your password? Whoever runs this Bishop can give you a one-time reset link.',
    );
    i18n.setLocale('ru');
    expect(errorMessage(lockedOut)).toMatch(/^Слишком много попыток входа\. Повторите в 14:32\. Забыли пароль\?/);
  });

  it('names each password rule that a new password breaks', () => {
    const refusal = (code: string) => errorMessage(new ApiError('refused', 'VALIDATION', code, { field: 'password' }));
    expect(refusal('BISHOP_ERR_PASSWORD_COMMON')).toMatch(/most common passwords/);
    expect(refusal('BISHOP_ERR_PASSWORD_PERSONAL')).toMatch(/your email or your name/);
    expect(refusal('BISHOP_ERR_PASSWORD_BLANK')).toMatch(/only spaces or invisible/);
    expect(refusal('BISHOP_ERR_RESET_LINK_INVALID')).toMatch(/reset link does not work/);
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
