import { DomainError } from './errors.ts';

/** One of a closed set of strings, e.g. a material kind. */
export function validChoice<const Choice extends string>(
  value: string,
  choices: readonly Choice[],
  field: string,
): Choice {
  if (!(choices as readonly string[]).includes(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be one of: ${choices.join(', ')}`, { field });
  }
  return value as Choice;
}
