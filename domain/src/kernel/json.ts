import { DomainError } from './errors.ts';
import { findJsonProblem, isPlainObject, type JsonTextRules } from './json-walk.ts';
import { unstorableText } from './storable.ts';
import { MULTILINE_FORBIDDEN, SINGLE_LINE_FORBIDDEN } from './text.ts';

/** Plain JSON: what event data, reports and settings are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface JsonRule {
  /** Human name of the field, used in messages ("Training settings"). */
  readonly field: string;
  /** Upper bound on the serialised size, in characters. */
  readonly maxLength: number;
  /**
   * Figures the service computed itself (training stats, test reports) quote the person's
   * own texts, so they keep any character a store can hold. Default: a client's input,
   * whose keys are single-line names and whose strings are free text without control characters.
   */
  readonly computed?: boolean;
}

export const jsonLimits = { maxDepth: 32, maxKeyLength: 200 } as const;

/** What a client may put in a JSON input: the one rule the GraphQL JSON scalar and the deciders share. */
const clientJsonRules: JsonTextRules = {
  maxDepth: jsonLimits.maxDepth,
  key(key) {
    if (!key.isWellFormed())
      return { code: 'BISHOP_ERR_TEXT_INVALID_UTF8', message: 'has a key that is not valid UTF-8' };
    if (SINGLE_LINE_FORBIDDEN.test(key)) {
      return { code: 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS', message: 'has a key with control characters' };
    }
    return key.length > jsonLimits.maxKeyLength
      ? { code: 'BISHOP_ERR_LIMIT_EXCEEDED', message: `has a key longer than ${jsonLimits.maxKeyLength} characters` }
      : null;
  },
  string(text) {
    if (!text.isWellFormed())
      return { code: 'BISHOP_ERR_TEXT_INVALID_UTF8', message: 'has text that is not valid UTF-8' };
    return MULTILINE_FORBIDDEN.test(text)
      ? { code: 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS', message: 'has text with control characters' }
      : null;
  },
};

const computedJsonRules: JsonTextRules = {
  maxDepth: jsonLimits.maxDepth,
  key: (key) => unstorableText(key, 'key'),
  string: (text) => unstorableText(text, 'text'),
};

/** Accepts only plain JSON objects, so event data survives any store's round trip unchanged. */
export function validJsonObject(value: unknown, rule: JsonRule): JsonObject {
  if (!isPlainObject(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${rule.field} must be a JSON object`, { field: rule.field });
  }
  return validJson(value, rule) as JsonObject;
}

/** Any JSON value (object, array, text, number, boolean or null) that passes the rule. */
export function validJson(value: unknown, rule: JsonRule): JsonValue {
  const problem = findJsonProblem(value, rule.computed ? computedJsonRules : clientJsonRules);
  if (problem !== null) {
    throw new DomainError(problem.code, `${rule.field} ${problem.message} (at ${problem.path})`, {
      field: rule.field,
      path: problem.path,
    });
  }
  const length = JSON.stringify(value).length;
  if (length > rule.maxLength) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `${rule.field} must be at most ${rule.maxLength} characters of JSON (got ${length})`,
      { field: rule.field, maxLength: rule.maxLength, length },
    );
  }
  return value as JsonValue;
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
