import type { JsonObject, JsonValue } from '../ports/event-store.ts';
import { DomainError } from './errors.ts';

export type { JsonObject, JsonValue };

export interface JsonRule {
  /** Human name of the field, used in messages ("Training settings"). */
  readonly field: string;
  /** Upper bound on the serialised size, in characters. */
  readonly maxLength: number;
}

const MAX_DEPTH = 32;

/** Accepts only plain JSON objects, so event data survives any store's round trip unchanged. */
export function validJsonObject(value: unknown, rule: JsonRule): JsonObject {
  if (!isPlainObject(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${rule.field} must be a JSON object`, { field: rule.field });
  }
  const problem = findJsonProblem(value, 0);
  if (problem !== null) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${rule.field} ${problem}`, { field: rule.field });
  }
  const length = JSON.stringify(value).length;
  if (length > rule.maxLength) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `${rule.field} must be at most ${rule.maxLength} characters of JSON (got ${length})`,
      { field: rule.field, maxLength: rule.maxLength, length },
    );
  }
  return value as JsonObject;
}

function findJsonProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `is nested more than ${MAX_DEPTH} levels deep`;
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string') return value.isWellFormed() ? null : 'contains text that is not valid UTF-8';
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'contains a number that is not finite';
  // `for…of` visits holes of sparse arrays as undefined, which is then reported.
  const children = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
  if (children === null) return `contains a value that is not JSON (${typeof value})`;
  for (const child of children) {
    const problem = findJsonProblem(child, depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Deep equality of JSON values, ignoring key order: how a redelivered result is recognised. */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key]))
  );
}
