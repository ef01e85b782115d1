import type { DomainErrorCode } from './errors.ts';

/** What is wrong with a JSON value, and where (`settings.a[2]`), so the caller can say it precisely. */
export interface JsonProblem {
  readonly code: DomainErrorCode;
  /** Completes "<field> …": "has a key with control characters at settings.a". */
  readonly message: string;
  readonly path: string;
}

/** How to judge the text inside a value: each returns a problem phrase, or null when the text is fine. */
export interface JsonTextRules {
  readonly key: (key: string) => Omit<JsonProblem, 'path'> | null;
  readonly string: (text: string) => Omit<JsonProblem, 'path'> | null;
  readonly maxDepth: number;
}

/**
 * Walks a value that should be plain JSON and returns its first problem: a
 * value JSON cannot hold, nesting past `maxDepth`, or a key or string the
 * rules refuse. It stops at the depth limit, so hostile nesting costs nothing.
 */
export function findJsonProblem(value: unknown, rules: JsonTextRules, path = '$', depth = 0): JsonProblem | null {
  if (depth > rules.maxDepth) {
    return { code: 'BISHOP_ERR_INVALID_VALUE', message: `is nested more than ${rules.maxDepth} levels deep`, path };
  }
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string') return at(rules.string(value), path);
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? null
      : { code: 'BISHOP_ERR_INVALID_VALUE', message: 'contains a number that is not finite', path };
  }
  if (Array.isArray(value)) {
    // Indexing (not for…of over entries) visits holes of sparse arrays as undefined, which is then reported.
    for (let index = 0; index < value.length; index++) {
      const problem = findJsonProblem(value[index], rules, `${path}[${index}]`, depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (!isPlainObject(value)) {
    return { code: 'BISHOP_ERR_INVALID_VALUE', message: `contains a value that is not JSON (${typeof value})`, path };
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${printableKey(key)}`;
    const problem = at(rules.key(key), childPath) ?? findJsonProblem(child, rules, childPath, depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function at(problem: Omit<JsonProblem, 'path'> | null, path: string): JsonProblem | null {
  return problem === null ? null : { ...problem, path };
}

/** A key as it can be shown back: control characters and lone surrogates escaped, long keys cut. */
function printableKey(key: string): string {
  const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return shown.slice(1, -1);
}
