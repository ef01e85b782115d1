import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../infra/src/cli/main.ts', import.meta.url));

/** One `bishop run <role>` OS process, restartable after a crash or a kill -9. */
export interface RoleProcess {
  readonly name: string;
  /** Its URL (API, UI, or health only); the port stays the same across restarts. */
  readonly url: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Everything it printed, across restarts (JSON log lines at BISHOP_LOG_LEVEL). */
  output(): string;
  /** The JSON log records it printed. */
  logs(): Record<string, unknown>[];
  kill9(): Promise<void>;
  start(): Promise<void>;
  /** SIGTERM, and wait for it to drain and exit. */
  stop(): Promise<number | null>;
}

/** Spawns `bishop run <args>` with the environment given (plus the inherited one) and waits for its banner. */
export async function startRole(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  // Several roles start at once on two cores: a loaded machine needs minutes, not seconds.
  timeoutMs = Number(process.env.BISHOP_TEST_START_TIMEOUT_MS) || 180_000,
): Promise<RoleProcess> {
  let output = '';
  let child: ChildProcess | undefined;
  let url = '';
  let port = env.BISHOP_PORT ?? '0';

  async function start(): Promise<void> {
    const started = output.length;
    child = spawn(process.execPath, [cli, 'run', ...args], {
      env: { ...process.env, BISHOP_LOG_LEVEL: 'info', ...env, BISHOP_PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const current = child;
    current.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    current.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A process left running would keep the test runner waiting for it forever.
        current.kill('SIGKILL');
        reject(new Error(`${name} printed no banner in ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const look = () => {
        const found = /is listening on (http:\/\/\S+)/.exec(output.slice(started));
        if (found?.[1]) {
          clearTimeout(timer);
          current.stdout?.off('data', look);
          resolve(found[1]);
        }
      };
      current.stdout?.on('data', look);
      current.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output.slice(started)}`));
      });
    });
    // A restart listens where the first run did, so clients and health checks keep their URL.
    port = new URL(url).port;
  }

  await start();
  return {
    name,
    get url() {
      return url;
    },
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    output: () => output,
    logs: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    async kill9() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    start,
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      return code as number | null;
    },
  };
}
