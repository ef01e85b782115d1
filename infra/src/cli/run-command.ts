import pino from 'pino';
import { type BishopConfig, ConfigError } from '../config/config.ts';
import { isRoleName, type RoleName, roleConfigProblems, roleNames } from '../config/role-requirements.ts';
import { heapLimitMb, restartWithHeapCap } from '../runtime/roles/heap-cap.ts';
import {
  type RunningRole,
  runGatewayRole,
  runProjectorRole,
  runRelayRole,
  runWebRole,
  runWorkerRole,
} from '../runtime/roles/role-processes.ts';
import { type WorkerKind, workerKinds } from '../runtime/roles/workers-role.ts';

export const runUsage = `Usage: bishop run ${roleNames.filter((r) => r !== 'worker').join('|')}
       bishop run worker ${workerKinds.join('|')}`;

/**
 * `bishop run <role>`: one role as its own process, configured by the
 * environment alone, until SIGINT/SIGTERM (then it drains and exits 0).
 * Start as many gateways or workers of a kind as you like against the same
 * stores: change notices reach every gateway through the bus's signals, and
 * workers of one kind share one durable consumer, so each job runs once.
 */
export async function runRoleCommand(config: BishopConfig, args: readonly string[]): Promise<number> {
  const [role, kind] = args;
  if (!isRoleName(role)) {
    console.error(role ? `Unknown role "${role}".\n${runUsage}` : runUsage);
    return 1;
  }
  if (role === 'worker' && !(workerKinds as readonly string[]).includes(kind ?? '')) {
    console.error(kind ? `Unknown worker kind "${kind}".\n${runUsage}` : runUsage);
    return 1;
  }
  const problems = roleConfigProblems(config, role);
  if (problems.length > 0) {
    throw new ConfigError(`Bishop cannot start: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  // Extraction parses gigabyte exports and hours of audio as streams: a capped heap keeps it within its budget.
  if (role === 'worker' && kind === 'extract') {
    restartWithHeapCap(config.extractHeapMb, (message) => console.error(`bishop: ${message}`));
  }
  const name = role === 'worker' ? `worker ${kind}` : role;
  const logger = pino({ level: config.logLevel }).child({ role: name });
  const running = await start(config, logger, role, kind as WorkerKind);
  console.log(`Bishop ${name} is listening on ${running.url}`);
  logger.info({ url: running.url, heapLimitMb: heapLimitMb() }, 'role started');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  logger.info('role stopped');
  return 0;
}

/** One starter per role; a new role fails the typecheck until it has one. */
const starters: Record<
  RoleName,
  (config: BishopConfig, logger: pino.Logger, kind: WorkerKind) => Promise<RunningRole>
> = {
  gateway: runGatewayRole,
  projector: runProjectorRole,
  relay: runRelayRole,
  worker: (config, logger, kind) => runWorkerRole(config, logger, kind),
  web: runWebRole,
};

function start(config: BishopConfig, logger: pino.Logger, role: RoleName, kind: WorkerKind): Promise<RunningRole> {
  return starters[role](config, logger, kind);
}
