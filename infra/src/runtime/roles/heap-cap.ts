import { getHeapStatistics } from 'node:v8';

const HEAP_FLAG = '--max-old-space-size';

/**
 * Caps this process's V8 heap at `megabytes`, for a worker whose work is parsing large files as streams.
 * Uncapped, V8 sizes the heap by the machine (4 GB here) and lets it grow to several times what the parser
 * keeps alive before collecting: a 1 GB chat export took the extract worker to 739 MB resident, 472 MB with
 * a 256 MB heap, at the same speed. V8 takes the cap only when a process starts, so the process replaces
 * itself with the flag added (execve: same pid, signals and output, nothing left behind); an operator's own
 * --max-old-space-size (in NODE_OPTIONS or on the command line) is kept as given. Returns only when no
 * restart is needed, or when this Node cannot replace a process (then it says so).
 */
export function restartWithHeapCap(megabytes: number, warn: (message: string) => void): void {
  if (megabytes === 0 || heapFlagGiven()) return;
  if (typeof process.execve !== 'function') {
    warn(`this Node.js cannot restart itself with a ${megabytes} MB heap; start it with ${HEAP_FLAG}=${megabytes}`);
    return;
  }
  const [node, ...rest] = process.argv;
  process.execve(process.execPath, [
    node ?? process.execPath,
    `${HEAP_FLAG}=${megabytes}`,
    ...process.execArgv,
    ...rest,
  ]);
}

/** The most the JS heap may grow to, in MB (the old space and the young generation). */
export function heapLimitMb(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
}

function heapFlagGiven(): boolean {
  const given = (arg: string) => arg === HEAP_FLAG || arg.startsWith(`${HEAP_FLAG}=`);
  return process.execArgv.some(given) || (process.env.NODE_OPTIONS ?? '').split(/\s+/).some(given);
}
