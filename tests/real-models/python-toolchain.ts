import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, sha256Of } from './pypi-wheels.ts';

const here = fileURLToPath(new URL('./', import.meta.url));
const requirements = join(here, 'requirements.txt');

let ready: Promise<{ run(script: string, args: readonly string[]): Promise<void> }> | undefined;

/**
 * The kit's Python: a venv under the kit's folder with exactly the pinned
 * requirements (torch as the CPU wheel), created on first need and recreated
 * when requirements.txt changes.
 */
export function pythonToolchain(root: string) {
  ready ??= (async () => {
    const venv = join(root, 'venv');
    const python = join(venv, 'bin', 'python');
    const stamp = join(venv, `requirements-${(await sha256Of(requirements)).slice(0, 16)}`);
    const current = await access(stamp).then(
      () => true,
      () => false,
    );
    if (!current) {
      console.log('kit: preparing the Python toolchain (a venv with tests/real-models/requirements.txt)…');
      await run('python3', ['-m', 'venv', '--clear', venv]);
      await run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', requirements], {
        timeoutMs: 30 * 60_000,
      });
      await run('touch', [stamp]);
    }
    return {
      run(script: string, args: readonly string[]): Promise<string> {
        return run(python, [join(here, 'convert', script), ...args], { timeoutMs: 30 * 60_000 });
      },
    };
  })();
  return ready;
}
