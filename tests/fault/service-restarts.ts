import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NATS_SERVER = '/usr/sbin/nats-server';
/** What .ci/run starts when NATS is down. */
const CI_NATS_ARGS = ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', '/var/lib/nats-server'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come back within ${timeoutMs} ms`);
    await sleep(200);
  }
}

const postgresReady = () =>
  run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).then(
    () => true,
    () => false,
  );

async function postgresCluster(): Promise<string> {
  const [version] = (await readdir('/etc/postgresql')).sort();
  if (!version) throw new Error('no PostgreSQL cluster in /etc/postgresql');
  return version;
}

/** Restarts the machine's PostgreSQL cluster (every connection drops) and waits until it accepts connections. */
export async function restartPostgres(): Promise<void> {
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', await postgresCluster(), 'main', 'restart']);
  await waitFor(postgresReady, 'PostgreSQL');
}

/** Starts PostgreSQL again if it is down, whatever happened before (the suite's `finally`). */
export async function ensurePostgres(): Promise<void> {
  if (await postgresReady()) return;
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', await postgresCluster(), 'main', 'start']).catch(() => {});
  await waitFor(postgresReady, 'PostgreSQL');
}

/** The running nats-server's arguments, so a restart brings back exactly the same server. */
async function natsArguments(): Promise<string[]> {
  const { stdout } = await run('pgrep', ['-x', 'nats-server']).catch(() => ({ stdout: '' }));
  const pid = stdout.trim().split('\n')[0];
  if (!pid) return CI_NATS_ARGS;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const [, ...args] = cmdline.split('\0').filter(Boolean);
  return args.length ? args : CI_NATS_ARGS;
}

let rememberedNatsArgs: string[] | undefined;

/** Stops NATS (start-stop-daemon, as .ci/run starts it) and starts it again with the same arguments. */
export async function restartNats(): Promise<void> {
  rememberedNatsArgs = await natsArguments();
  await run('start-stop-daemon', ['--stop', '--oknodo', '--exec', NATS_SERVER, '--retry', 'TERM/10/KILL/5']);
  await startNats(rememberedNatsArgs);
}

async function startNats(args: readonly string[]): Promise<void> {
  await run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', NATS_SERVER, '--', ...args]);
  await waitFor(() => portOpen(4222), 'NATS');
}

/** Starts NATS again if it is down (the suite's `finally`). */
export async function ensureNats(): Promise<void> {
  if (await portOpen(4222)) return;
  await startNats(rememberedNatsArgs ?? CI_NATS_ARGS);
}
