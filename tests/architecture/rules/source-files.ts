import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One source file as the rules see it: where it is and its code with comments removed. */
export interface SourceFile {
  readonly path: string;
  readonly code: string;
}

/** Every .ts/.js/.mjs/.svelte file under dir (node_modules and dot-folders skipped). */
export function sourceFilesUnder(dir: string): SourceFile[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFilesUnder(path);
    return /\.(ts|js|mjs|svelte)$/.test(entry) ? [{ path, code: withoutComments(readFileSync(path, 'utf8')) }] : [];
  });
}

/** Comments may mention imports or globals (e.g. migration notes); only code counts. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The module specifiers a file imports or re-exports, static and dynamic. */
export function importsOf(file: SourceFile): string[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  return [...file.code.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
