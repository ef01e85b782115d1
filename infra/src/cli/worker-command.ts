import { createCommandBus } from '@bishop/commands';
import pino from 'pino';
import type { BishopConfig } from '../config/config.ts';
import { startWorkers, type WorkerKind, workerKinds } from '../runtime/roles/workers-role.ts';
import { openStores } from '../runtime/stores.ts';

/** `bishop worker <kind>`: one worker kind as its own process, until SIGINT/SIGTERM (then it drains). */
export async function runWorkerCommand(config: BishopConfig, kind: string | undefined): Promise<number> {
  if (!kind || !(workerKinds as readonly string[]).includes(kind)) {
    console.error(`Usage: bishop worker ${workerKinds.join('|')}`);
    return 1;
  }
  const logger = pino({ level: config.logLevel });
  const stores = await openStores(config);
  const workers = startWorkers(config, stores, createCommandBus({ eventStore: stores.eventStore }), logger, [
    kind as WorkerKind,
  ]);
  logger.info({ kind, data: stores.describe }, 'worker started');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await workers.stop();
  await stores.close();
  return 0;
}
