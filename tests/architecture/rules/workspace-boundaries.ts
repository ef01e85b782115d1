import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { importsOf, packageNameOf, type SourceFile } from './source-files.ts';

/** ARCHITECTURE.md's layout table: which workspace may import which. */
export const allowedWorkspaceImports: Record<string, readonly string[]> = {
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
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export interface Workspace {
  readonly root: string;
  readonly name: string;
  /** Packages its package.json declares (dependencies and devDependencies). */
  readonly declared: ReadonlySet<string>;
}

/** Every import of these files that leaves the workspace, skips its manifest or breaks domain purity. */
export function findBoundaryProblems(workspace: Workspace, files: readonly SourceFile[]): string[] {
  const home = join(workspace.root, workspace.name);
  const pureSources = join(workspace.root, 'domain', 'src');
  const problems: string[] = [];
  for (const file of files) {
    const where = relative(workspace.root, file.path);
    const pure = workspace.name === 'domain' && file.path.startsWith(pureSources);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        if (!resolve(file.path, '..', specifier).startsWith(home)) {
          problems.push(`${where}: reaches outside with ${specifier}`);
        }
        continue;
      }
      if (builtins.has(specifier) || builtins.has(packageNameOf(specifier))) {
        if (pure) problems.push(`${where}: domain/ must stay pure, imports ${specifier}`);
        continue;
      }
      // SvelteKit's aliases in web/: $lib is web/src/lib; $app and $env are @sveltejs/kit's.
      if (workspace.name === 'web' && specifier.startsWith('$lib')) continue;
      const name =
        workspace.name === 'web' && /^\$(app|env)\//.test(specifier) ? '@sveltejs/kit' : packageNameOf(specifier);
      if (name === `@bishop/${workspace.name}`) continue;
      if (!workspace.declared.has(name)) problems.push(`${where}: imports undeclared ${name}`);
      else if (name.startsWith('@bishop/') && !allowedWorkspaceImports[workspace.name]?.includes(name.slice(8))) {
        problems.push(`${where}: ${workspace.name} must not import ${name}`);
      }
      if (pure && !domainThirdParty.includes(name)) problems.push(`${where}: domain/ must stay pure, imports ${name}`);
    }
  }
  return problems;
}
