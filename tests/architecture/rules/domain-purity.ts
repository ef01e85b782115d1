import { relative } from 'node:path';
import type { SourceFile } from './source-files.ts';

/**
 * Globals that reach the clock, randomness, the network or the process. Domain code gets time and
 * ids from command metadata, so none of them belongs in domain/src (STYLE.md, "Domain").
 */
const impureGlobals: readonly { readonly pattern: RegExp; readonly name: string }[] = [
  { pattern: /\bDate\.now\s*\(/, name: 'Date.now()' },
  { pattern: /\bnew\s+Date\s*\(\s*\)/, name: 'new Date() (the current time)' },
  { pattern: /\bMath\.random\s*\(/, name: 'Math.random()' },
  { pattern: /\bperformance\s*\.\s*now\s*\(/, name: 'performance.now()' },
  { pattern: /\bcrypto\s*\./, name: 'crypto' },
  { pattern: /\bfetch\s*\(/, name: 'fetch()' },
  { pattern: /\bprocess\s*\./, name: 'process' },
  { pattern: /\b(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/, name: 'timers' },
  { pattern: /\bglobalThis\b/, name: 'globalThis' },
  { pattern: /\b(WebSocket|XMLHttpRequest|localStorage|sessionStorage)\b/, name: 'browser I/O' },
];

/** Each use of an impure global in these files, as "file: uses X". */
export function findImpureGlobals(root: string, files: readonly SourceFile[]): string[] {
  return files.flatMap((file) =>
    impureGlobals
      .filter(({ pattern }) => pattern.test(withoutStrings(file.code)))
      .map(({ name }) => `${relative(root, file.path)}: domain/ must stay pure, uses ${name}`),
  );
}

/** String literals may mention these names (error messages); only code counts. */
export function withoutStrings(code: string): string {
  return code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}
