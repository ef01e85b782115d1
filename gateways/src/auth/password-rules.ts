import { DomainError } from '@bishop/domain';

export const passwordLimits = { minLength: 8, maxLength: 1024 } as const;

/**
 * The form a password is hashed in: NFKC, as NIST SP 800-63B advises, so the
 * same password typed on another keyboard or OS still matches.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Sign-up and password change: the rules a new password must meet. Lengths count code points. */
export function validPassword(password: string): string {
  if (typeof password !== 'string' || !password.isWellFormed()) {
    throw new DomainError('BISHOP_ERR_TEXT_INVALID_UTF8', 'Password is not valid UTF-8 text', { field: 'password' });
  }
  const length = [...normalizePassword(password)].length;
  if (length < passwordLimits.minLength) {
    throw new DomainError('BISHOP_ERR_PASSWORD_TOO_SHORT', 'Password must be at least 8 characters', {
      field: 'password',
      minLength: passwordLimits.minLength,
    });
  }
  if (length > passwordLimits.maxLength) {
    throw new DomainError('BISHOP_ERR_PASSWORD_TOO_LONG', 'Password must be at most 1024 characters', {
      field: 'password',
      maxLength: passwordLimits.maxLength,
    });
  }
  return password;
}

/** Log-in: anything sign-up could ever have accepted (rules may tighten later), never unbounded input. */
export function isPasswordInput(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.isWellFormed() &&
    [...normalizePassword(value)].length <= passwordLimits.maxLength
  );
}
