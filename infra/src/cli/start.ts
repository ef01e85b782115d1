import { buildApp } from '@bishop/gateways';
import pino from 'pino';
import type { BishopConfig } from '../config/config.ts';
import { openStores } from '../runtime/stores.ts';
import { bishopVersion } from '../runtime/version.ts';

/** `bishop start`: every role in one process, on the configured (by default embedded) stores. */
export async function startBishop(config: BishopConfig): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = pino({ level: config.logLevel });
  const stores = await openStores(config);
  const app = await buildApp({ readinessChecks: stores.readinessChecks, version: bishopVersion, logger: false });
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info({ address, data: stores.describe }, 'Bishop started');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await stores.close();
      logger.info('Bishop stopped');
    })();
    return stopping;
  };
  return { url: address, stop };
}
