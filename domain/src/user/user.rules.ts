import { DomainError } from '../kernel/errors.ts';
import { validText } from '../kernel/text.ts';

export const userLimits = {
  fullNameMaxLength: 200,
  tokenNameMaxLength: 100,
  activeApiTokensMax: 50,
  secretHashMaxLength: 1024,
} as const;

export function validFullName(fullName: string): string {
  return validText(fullName, { field: 'Full name', maxLength: userLimits.fullNameMaxLength });
}

export function validTokenName(name: string): string {
  return validText(name, { field: 'Token name', maxLength: userLimits.tokenNameMaxLength });
}

/** Password and token hashes are made outside the domain; here we only refuse what cannot be a hash. */
export function validSecretHash(hash: string, field: string): string {
  if (
    typeof hash !== 'string' ||
    hash.length === 0 ||
    hash.length > userLimits.secretHashMaxLength ||
    /\s/.test(hash)
  ) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be a non-empty string without spaces`, { field });
  }
  return hash;
}
