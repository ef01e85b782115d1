import { DomainError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Ids are lowercase UUIDs; anything else is rejected before it reaches a stream name. */
export function validId(value: string, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_ID', `${field} is not a valid id`, { field });
  }
  return value;
}

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
