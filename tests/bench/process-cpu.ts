import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/*
 * Where the CPU went during a round (Linux /proc): which process is near a
 * whole core tells what limits throughput on a small machine.
 */

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux build that matters). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone or where /proc is absent. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine, all cores together. */
function machineCpuSeconds(): { busy: number; total: number } {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = (cpu ?? '').trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    // idle and iowait are the time no process ran.
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: (total - idle) / TICKS, total: total / TICKS };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

/** Cores each group kept busy on average, plus `bench process`, `others` (anyone else's) and `machine` (all). */
export type CpuShares = Record<string, number>;

/** Lists a group's processes now: a pool may open connections (server processes) during a round. */
type PidLister = () => readonly number[] | Promise<readonly number[]>;

/**
 * Starts measuring the processes of each group, and this process (its worker
 * threads included) as `bench process`; `stop()` returns the cores each used on
 * average. A process that appeared during the round counts from zero; one that
 * ended during it is not counted.
 */
export async function startCpuMeter(groups: Record<string, PidLister>): Promise<{ stop(): Promise<CpuShares> }> {
  const before = new Map<number, number>();
  for (const list of Object.values(groups)) for (const pid of await list()) before.set(pid, processCpuSeconds(pid));
  const ownBefore = process.cpuUsage();
  const machineBefore = machineCpuSeconds();
  const started = performance.now();
  return {
    async stop() {
      const seconds = (performance.now() - started) / 1000;
      const shares: CpuShares = {};
      for (const [name, list] of Object.entries(groups)) {
        let used = 0;
        for (const pid of await list()) used += processCpuSeconds(pid) - (before.get(pid) ?? 0);
        shares[name] = used / seconds;
      }
      const own = process.cpuUsage(ownBefore);
      shares['bench process'] = (own.user + own.system) / 1e6 / seconds;
      const machine = machineCpuSeconds();
      const busy =
        ((machine.busy - machineBefore.busy) / (machine.total - machineBefore.total)) * availableParallelism();
      const ours = Object.values(shares).reduce((sum, cores) => sum + cores, 0);
      shares.others = Math.max(0, busy - ours);
      shares.machine = busy;
      return shares;
    },
  };
}

/** e.g. `gateway A 0.71, PostgreSQL 0.52, …, machine 1.97 of 2 cores`. */
export function formatCpuShares(shares: CpuShares): string {
  return `${Object.entries(shares)
    .map(([name, cores]) => `${name} ${cores.toFixed(2)}`)
    .join(', ')} of ${availableParallelism()} cores`;
}
