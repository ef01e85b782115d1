import { DomainError, type DomainErrorCode } from '@bishop/domain';
import { commonPasswords } from './common-passwords.ts';

export const passwordLimits = { minLength: 8, maxLength: 1024 } as const;

/**
 * The form a password is hashed in: NFKC, as NIST SP 800-63B advises, so the
 * same password typed on another keyboard or OS still matches.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

// Zero-width spaces and joiners, soft hyphens, BOMs, variation selectors…: typed or pasted, never seen.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const BLANK = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/** What a person sees of the password: normalized, invisible characters dropped. */
function visibleForm(password: string): string {
  return normalizePassword(password).replace(INVISIBLE, '');
}

/** For comparisons with names and lists: lowercase, no spaces or invisible characters. */
function compactForm(text: string): string {
  return visibleForm(text)
    .toLowerCase()
    .replace(/\p{White_Space}+/gu, '');
}

/** Who the account is: a password may not be just that. */
export interface PasswordContext {
  readonly email: string;
  readonly fullName: string;
}

const refuse = (code: DomainErrorCode, message: string, details: Record<string, number | string> = {}) =>
  new DomainError(code, message, { field: 'password', ...details });

/**
 * The rules a new password must meet (sign-up, password reset), after NIST
 * SP 800-63B: at least 8 characters one can see (invisible ones are not
 * counted), not only spaces, not the email, its name part or the person's
 * name, and not one of the ~200,000 most common breached passwords.
 * Composition rules (a digit, a symbol…) are deliberately absent.
 */
export function validNewPassword(password: string, context: PasswordContext): string {
  if (typeof password !== 'string' || !password.isWellFormed()) {
    throw refuse('BISHOP_ERR_TEXT_INVALID_UTF8', 'Password is not valid UTF-8 text');
  }
  const length = [...visibleForm(password)].length;
  if ([...normalizePassword(password)].length > passwordLimits.maxLength) {
    throw refuse('BISHOP_ERR_PASSWORD_TOO_LONG', 'Password must be at most 1024 characters; choose a shorter one', {
      maxLength: passwordLimits.maxLength,
    });
  }
  if (BLANK.test(normalizePassword(password))) {
    throw refuse(
      'BISHOP_ERR_PASSWORD_BLANK',
      'Password cannot be only spaces or invisible characters; choose one with letters, digits or symbols',
    );
  }
  if (length < passwordLimits.minLength) {
    throw refuse(
      'BISHOP_ERR_PASSWORD_TOO_SHORT',
      'Password must be at least 8 characters (invisible characters do not count); choose a longer one — a few words make a good password',
      { minLength: passwordLimits.minLength },
    );
  }
  const compact = compactForm(password);
  const email = compactForm(context.email);
  const personal = [email, email.split('@')[0] ?? '', compactForm(context.fullName)].filter((part) => part !== '');
  if (personal.includes(compact)) {
    throw refuse(
      'BISHOP_ERR_PASSWORD_PERSONAL',
      'Password cannot be your email or your name; choose something others cannot guess from your account',
    );
  }
  const common = commonPasswords();
  if (common.has(visibleForm(password).toLowerCase()) || common.has(compact)) {
    throw refuse(
      'BISHOP_ERR_PASSWORD_COMMON',
      'This password is one of the most common ones attackers try first; choose another — a few unrelated words work well',
    );
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
