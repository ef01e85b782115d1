import { DomainError } from '../kernel/errors.ts';

const MAX_EMAIL_LENGTH = 254;
// Pragmatic, not RFC 5322: one @, something before it, a dotted domain after it, no spaces or controls.
const EMAIL =
  /^[^@\s\u0000-\u001f\u007f-\u009f]+@[^@\s\u0000-\u001f\u007f-\u009f.]+(?:\.[^@\s\u0000-\u001f\u007f-\u009f.]+)+$/u;

/** The one spelling of an address that is stored and hashed: NFC, trimmed, lowercased. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export function validEmail(email: string): string {
  const normalized = typeof email === 'string' && email.isWellFormed() ? normalizeEmail(email) : '';
  if (normalized.length > MAX_EMAIL_LENGTH || !EMAIL.test(normalized)) {
    throw new DomainError('BISHOP_ERR_INVALID_EMAIL', 'Email address is not valid', { field: 'email' });
  }
  return normalized;
}
