import type { ChildProcess } from 'node:child_process';

/**
 * Processes a test started that must not outlive it. A test that times out or fails before its
 * `after` ran leaves them running; the runner then exits anyway (`--test-force-exit`, run-all.ts),
 * and this kills them on the way out so no `bishop start` keeps a port, a database or a core busy.
 */
const live = new Set<ChildProcess>();
process.once('exit', killAll);

export function reapOnExit(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

function killAll(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
