import { DomainError } from './errors.ts';
import { findJsonProblem, type JsonProblem, type JsonTextRules } from './json-walk.ts';

export type { JsonProblem };

/**
 * Text no store can keep as it is: PostgreSQL's text and jsonb refuse U+0000,
 * and a lone surrogate is not UTF-8 at all. Such a character in an event
 * would make every projector stop on it, so it never reaches the log.
 */
const UNSTORABLE = /\u0000/u;

const storableTextRules: JsonTextRules = {
  maxDepth: 64,
  key: (key) => unstorableText(key, 'key'),
  string: (text) => unstorableText(text, 'text'),
};

/** Why a key or a string cannot be stored, or null. */
export function unstorableText(text: string, what: 'key' | 'text') {
  const subject = what === 'key' ? 'has a key' : 'has text';
  if (!text.isWellFormed())
    return { code: 'BISHOP_ERR_TEXT_INVALID_UTF8', message: `${subject} that is not valid UTF-8` } as const;
  return UNSTORABLE.test(text)
    ? ({ code: 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS', message: `${subject} with a NUL character` } as const)
    : null;
}

/** The first thing in `value` no store could keep, or null. */
export function findUnstorable(value: unknown): JsonProblem | null {
  return findJsonProblem(value, storableTextRules);
}

/**
 * The last check before an append, whatever command produced the event: every
 * key and string storable, only plain JSON, nesting bounded. Each field's own
 * rule (validText, validJsonObject…) ran before; this catches what one forgot.
 */
export function assertStorableEventData(eventType: string, data: unknown): void {
  const problem = findUnstorable(data);
  if (problem === null) return;
  const field = `${eventType} data`;
  throw new DomainError(problem.code, `${field} ${problem.message} (at ${problem.path})`, {
    field,
    path: problem.path,
  });
}
