import type { RoleProcess } from '../src/role-process.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ChaosReport {
  kills: Record<string, number>;
  /** Exits nobody asked for (a role that crashed on its own), restarted like an orchestrator would. */
  unexpectedExits: string[];
  restartFailures: number;
}

/**
 * Every few seconds, kill -9 a random role process and start it again; also
 * restart any role that died on its own (as `restart: unless-stopped` would),
 * noting it. Runs until `stop()`.
 */
export function startChaos(roles: readonly RoleProcess[], options: { everyMs: [number, number] }) {
  const report: ChaosReport = { kills: {}, unexpectedExits: [], restartFailures: 0 };
  const killing = new Set<RoleProcess>();
  let stopped = false;

  async function restart(role: RoleProcess): Promise<void> {
    // A restart while PostgreSQL or NATS is down fails: keep trying, as an orchestrator would.
    for (let attempt = 0; attempt < 60; attempt++) {
      try {
        await role.start();
        return;
      } catch {
        report.restartFailures++;
        await sleep(Math.min(500 * (attempt + 1), 3000));
      }
    }
  }

  const killer = (async () => {
    while (!stopped) {
      const [min, max] = options.everyMs;
      await sleep(min + Math.random() * (max - min));
      if (stopped) break;
      const victim = roles[Math.floor(Math.random() * roles.length)] as RoleProcess;
      if (killing.has(victim) || !victim.running) continue;
      killing.add(victim);
      report.kills[victim.name] = (report.kills[victim.name] ?? 0) + 1;
      await victim.kill9();
      await sleep(200 + Math.random() * 600);
      await restart(victim);
      killing.delete(victim);
    }
  })();

  const supervisor = (async () => {
    while (!stopped) {
      await sleep(500);
      for (const role of roles) {
        if (role.running || killing.has(role)) continue;
        report.unexpectedExits.push(`${role.name}: ${role.output().slice(-4000)}`);
        killing.add(role);
        await restart(role);
        killing.delete(role);
      }
    }
  })();

  return {
    report,
    async stop(): Promise<ChaosReport> {
      stopped = true;
      await Promise.all([killer, supervisor]);
      // Whatever was down when chaos ended comes back up.
      for (const role of roles) if (!role.running) await restart(role);
      return report;
    },
  };
}
