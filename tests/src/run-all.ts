/**
 * `npm test` / `./bishop test`: every check the project has, in order, with a
 * summary at the end. Exits non-zero if any step fails; later steps still run
 * so one report shows everything that is red.
 */
import { spawn } from 'node:child_process';
import { globSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gatheredAttackSuites } from '../security/suites.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = process.execPath;
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
// --test-force-exit: a test that timed out with a child process still running must not hang the step
// (child-reaper.ts kills such children as the test process exits).
const nodeTest = (...patterns: string[]) => [node, '--test', '--test-force-exit', '--test-reporter=spec', ...patterns];
const webScript = (script: string) => ['npm', 'run', '--silent', '-w', 'web', script];

/** The files a glob matches, less some (node --test takes no exclusions). */
function filesExcept(pattern: string, excluded: readonly string[]): string[] {
  return globSync(pattern, { cwd: root })
    .filter((file) => !excluded.includes(file))
    .sort();
}

interface Step {
  readonly name: string;
  readonly command: readonly string[];
}

// Real weights for the real-model checks (llama.cpp engine, embedding metrics…): fetched when asked
// (CI sets BISHOP_FETCH_REAL_MODELS=1 and a machine-wide BISHOP_REAL_MODELS_DIR, so runs share one cache).
// Without the kit every such check prints SKIPPED with the reason.
const fetchRealModels = process.env.BISHOP_FETCH_REAL_MODELS === '1';
const realModelSteps: readonly Step[] = fetchRealModels
  ? [{ name: 'real-model kit (npm run models:real)', command: [node, 'tests/real-models/fetch-kit.ts'] }]
  : [];

const steps: readonly Step[] = [
  ...realModelSteps,
  { name: 'typecheck (tsc --noEmit)', command: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint and format (biome)', command: [bin('biome'), 'check', '.'] },
  { name: 'architecture', command: nodeTest('tests/architecture/**/*.test.ts') },
  // Resolver argument types are generated from the schema: stale ones would type resolvers against an old API.
  {
    name: 'gateways: resolver types match the schema (codegen --check)',
    command: ['npm', 'run', '--silent', '-w', 'gateways', 'codegen:check'],
  },
  {
    name: 'unit: domain, commands, projections, gateways, workers, infra',
    command: nodeTest(
      'domain/test/**/*.test.ts',
      'commands/test/**/*.test.ts',
      'projections/test/**/*.test.ts',
      'gateways/test/**/*.test.ts',
      'ml-workers/test/**/*.test.ts',
      'infra/test/**/*.test.ts',
    ),
  },
  // The web app: typed operations current with the schema, svelte-check, component tests, then the
  // static build that `bishop start` serves (the browser step needs it; its name matches "browser" too).
  { name: 'web: typed operations match the schema (codegen --check)', command: webScript('codegen:check') },
  { name: 'web: svelte-check', command: webScript('check') },
  { name: 'web: component tests (vitest)', command: webScript('test') },
  { name: 'web: build (for the browser tests)', command: webScript('build') },
  // Contract suites share one PostgreSQL server; one file at a time keeps timings honest.
  { name: 'contract: adapters', command: [...nodeTest('tests/contract/**/*.test.ts'), '--test-concurrency=1'] },
  { name: 'integration: command handling', command: nodeTest('tests/integration/**/*.test.ts') },
  // The e2e attack suites run in the security step, counted with the others.
  { name: 'end-to-end (real HTTP)', command: nodeTest(...filesExcept('tests/e2e/**/*.test.ts', gatheredAttackSuites)) },
  { name: 'security: every attack, counted', command: [node, 'tests/security/run.ts'] },
  { name: 'browser end-to-end (Chromium, axe-core)', command: nodeTest('tests/browser/**/*.test.ts') },
  { name: 'compose file and Dockerfile', command: nodeTest('tests/compose/**/*.test.ts') },
  { name: 'distributed: every role as its own process', command: nodeTest('tests/distributed/**/*.test.ts') },
  // Restarts the machine's PostgreSQL and NATS once each, so it runs alone.
  { name: 'fault: kill -9 and restarts under load', command: nodeTest('tests/fault/**/*.test.ts') },
  { name: 'benchmark smoke', command: nodeTest('tests/bench/**/*.test.ts') },
];

function run(step: Step): Promise<{ ok: boolean; seconds: number }> {
  const started = performance.now();
  console.log(`\n━━ ${step.name} ━━`);
  const [command, ...args] = step.command as [string, ...string[]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ ok: code === 0 && signal === null, seconds });
    });
    child.on('error', (error) => {
      console.error(error);
      resolve({ ok: false, seconds: 0 });
    });
  });
}

if (!fetchRealModels) {
  console.log(
    'SKIPPED: fetching the real-model kit (BISHOP_FETCH_REAL_MODELS is not 1; checks use the kit if present)',
  );
}
const only = process.argv.slice(2);
const selected = only.length ? steps.filter((s) => only.some((o) => s.name.includes(o))) : steps;
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of selected) results.push({ name: step.name, ...(await run(step)) });

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.name}`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `\n${failed} step(s) failed` : '\nall steps passed');
process.exitCode = failed ? 1 : 0;
