import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findImpureGlobals } from './rules/domain-purity.ts';
import { castFreeWorkspaces, findEscapeCasts } from './rules/escape-casts.ts';
import { findImportCycles } from './rules/import-cycles.ts';
import { type SourceFile, sourceFilesUnder, withoutComments } from './rules/source-files.ts';
import { allowedWorkspaceImports, findBoundaryProblems, type Workspace } from './rules/workspace-boundaries.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const codeFolders = ['src', 'test', 'contract', 'architecture', 'bench', 'e2e', 'integration'];

function workspaceNamed(name: string): Workspace {
  const manifest = JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8'));
  return {
    root,
    name,
    declared: new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]),
  };
}

describe('architecture: workspace boundaries', () => {
  for (const [name, allowed] of Object.entries(allowedWorkspaceImports)) {
    const workspace = workspaceNamed(name);
    const files = codeFolders.flatMap((d) => sourceFilesUnder(join(root, name, d)));

    it(`${name}: declares only allowed workspaces`, () => {
      const bishopDeps = [...workspace.declared].filter((d) => d.startsWith('@bishop/')).map((d) => d.slice(8));
      for (const dep of bishopDeps) assert.ok(allowed.includes(dep), `${name} must not depend on @bishop/${dep}`);
    });

    it(`${name}: imports only what it declares, and stays inside its folder`, () => {
      assert.deepEqual(findBoundaryProblems(workspace, files), []);
    });

    it(`${name}: no import cycles among its own files`, () => {
      assert.deepEqual(findImportCycles(root, files), []);
    });
  }

  it('domain: its sources use no clock, randomness, network or process globals', () => {
    assert.deepEqual(findImpureGlobals(root, sourceFilesUnder(join(root, 'domain', 'src'))), []);
  });

  for (const name of castFreeWorkspaces) {
    it(`${name}: no \`as unknown as\` in its sources`, () => {
      assert.deepEqual(findEscapeCasts(root, sourceFilesUnder(join(root, name, 'src'))), []);
    });
  }
});

/** The rules above, fed files that break them: each must be caught, or the checks prove nothing. */
describe('architecture: the checks catch what they are for', () => {
  const fake = (workspace: string, file: string, code: string): SourceFile => ({
    path: join(root, workspace, 'src', file),
    code: withoutComments(code),
  });
  // Built from parts so that this file's own source holds no import the scan above would read.
  const importOf = (specifier: string, what = '{ x }') => ['import', `${what} from '${specifier}';`].join(' ');

  it('a wrong-direction import between workspaces', () => {
    const domain = { ...workspaceNamed('domain'), declared: new Set(['@bishop/gateways']) };
    const problems = findBoundaryProblems(domain, [fake('domain', 'x.ts', importOf('@bishop/gateways'))]);
    assert.ok(
      problems.some((p) => p.includes('must not import @bishop/gateways')),
      problems.join('\n'),
    );
  });

  it('an undeclared package, a Node built-in in domain, and a relative path out of the folder', () => {
    const problems = findBoundaryProblems(workspaceNamed('domain'), [
      fake('domain', 'a.ts', [importOf('zod'), importOf('node:fs'), importOf('../../infra/x.ts')].join('\n')),
    ]);
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  it('impure globals in domain code, but not in comments or strings', () => {
    const files = [
      fake('domain', 'clock.ts', 'export const now = () => Date.now();'),
      fake('domain', 'random.ts', 'export const pick = () => crypto.randomUUID();'),
      fake('domain', 'quiet.ts', "// Date.now() is not used here\nexport const m = 'call fetch() later';"),
    ];
    assert.deepEqual(
      findImpureGlobals(root, files).map((p) => p.split(': ')[0]),
      ['domain/src/clock.ts', 'domain/src/random.ts'],
    );
  });

  it('a cast through unknown, but not one in a comment or a string', () => {
    const cast = ['as', 'unknown', 'as'].join(' ');
    const files = [
      fake('gateways', 'actor.ts', `export const actor = (request as object) ${cast} { actor: string };`),
      fake('gateways', 'quiet.ts', `// never write x ${cast} Y\nexport const m = 'x ${cast} Y';`),
    ];
    assert.deepEqual(
      findEscapeCasts(root, files).map((p) => p.split(':')[0]),
      ['gateways/src/actor.ts'],
    );
  });

  it('an import cycle inside a package, however long', () => {
    const files = [
      fake('commands', 'a.ts', importOf('./b.ts')),
      fake('commands', 'b.ts', importOf('./c.ts')),
      fake('commands', 'c.ts', importOf('./a.ts')),
      fake('commands', 'd.ts', importOf('./a.ts')),
    ];
    const cycles = findImportCycles(root, files);
    assert.equal(cycles.length, 1, cycles.join('\n'));
    assert.match(cycles[0] ?? '', /a\.ts.*b\.ts.*c\.ts/);
  });
});
