import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/** ARCHITECTURE.md's layout table: which workspace may import which. */
const allowedWorkspaceImports: Record<string, readonly string[]> = {
  domain: [],
  commands: ['domain'],
  projections: ['domain'],
  gateways: ['domain', 'commands', 'projections'],
  'ml-workers': ['domain'],
  web: [],
  infra: ['domain', 'commands', 'projections', 'gateways', 'ml-workers'],
  tests: ['domain', 'commands', 'projections', 'gateways', 'ml-workers', 'infra'],
};
/** domain/ is pure: no I/O packages, no Node built-ins. */
const domainThirdParty = ['ts-pattern'];

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|svelte)$/.test(entry) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  // Comments may mention imports (e.g. migration notes); only code counts.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('architecture: workspace boundaries', () => {
  for (const [workspace, allowed] of Object.entries(allowedWorkspaceImports)) {
    const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8'));
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
    ]);
    const files = ['src', 'test', 'contract', 'architecture', 'bench', 'e2e', 'integration'].flatMap((d) =>
      sourceFiles(join(root, workspace, d)),
    );

    it(`${workspace}: declares only allowed workspaces`, () => {
      const bishopDeps = [...declared].filter((d) => d.startsWith('@bishop/')).map((d) => d.slice('@bishop/'.length));
      for (const dep of bishopDeps) assert.ok(allowed.includes(dep), `${workspace} must not depend on @bishop/${dep}`);
    });

    it(`${workspace}: imports only what it declares, and stays inside its folder`, () => {
      const problems: string[] = [];
      for (const file of files) {
        for (const specifier of importsOf(file)) {
          const where = relative(root, file);
          if (specifier.startsWith('.')) {
            const target = resolve(file, '..', specifier);
            if (!target.startsWith(join(root, workspace))) problems.push(`${where}: reaches outside with ${specifier}`);
            continue;
          }
          const pure = workspace === 'domain' && file.startsWith(join(root, 'domain', 'src'));
          if (builtins.has(specifier) || builtins.has(packageNameOf(specifier))) {
            if (pure) problems.push(`${where}: domain/ must stay pure, imports ${specifier}`);
            continue;
          }
          // SvelteKit's aliases in web/: $lib is web/src/lib; $app and $env are @sveltejs/kit's.
          if (workspace === 'web' && specifier.startsWith('$lib')) continue;
          const name =
            workspace === 'web' && /^\$(app|env)\//.test(specifier) ? '@sveltejs/kit' : packageNameOf(specifier);
          if (name === `@bishop/${workspace}`) continue;
          if (!declared.has(name)) problems.push(`${where}: imports undeclared ${name}`);
          if (pure && !domainThirdParty.includes(name)) {
            problems.push(`${where}: domain/ must stay pure, imports ${name}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it('catches a wrong-direction import (self-check of this test)', () => {
    const fake = "import { buildApp } from '@bishop/gateways';";
    const pattern = /from\s*['"]([^'"]+)['"]/;
    const specifier = pattern.exec(fake)?.[1] ?? '';
    assert.equal(allowedWorkspaceImports.domain?.includes(packageNameOf(specifier).replace('@bishop/', '')), false);
  });
});
