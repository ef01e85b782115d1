/**
 * The security suite: every attack suite at once, reported test by test
 * (spec) and counted (attacks tried, passed through — which must be 0).
 * Exits non-zero if any attack passed through.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { securitySuites } from './suites.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const child = spawn(
  process.execPath,
  [
    '--test',
    '--test-force-exit',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./tests/security/attack-reporter.ts',
    '--test-reporter-destination=stdout',
    ...securitySuites,
  ],
  { cwd: root, stdio: 'inherit' },
);
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
