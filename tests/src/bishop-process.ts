import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startListeningProcess } from './listening-process.ts';

const cli = fileURLToPath(new URL('../../infra/src/cli/main.ts', import.meta.url));

export interface BishopProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  /** Sends `signal` (SIGINT unless told) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

// A machine shared by many test runs may need longer to start (minutes on a busy machine):
// BISHOP_TEST_START_TIMEOUT_MS raises the wait.
const defaultStartTimeoutMs = Number(process.env.BISHOP_TEST_START_TIMEOUT_MS) || 180_000;

/** Runs the real `bishop start` as a child process and waits for its banner. */
export async function startBishopProcess(
  env: Record<string, string>,
  timeoutMs = defaultStartTimeoutMs,
): Promise<BishopProcess> {
  const bishop = await startListeningProcess('bishop start', [cli, 'start'], {
    env: { ...process.env, BISHOP_PORT: '0', BISHOP_LOG_LEVEL: 'warn', ...env },
    timeoutMs,
  });
  return {
    url: bishop.url,
    child: bishop.child,
    output: bishop.output,
    stop: (signal = 'SIGINT') => bishop.stop(signal),
  };
}

/** Runs `bishop <args>` to completion. */
export async function runBishop(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}
