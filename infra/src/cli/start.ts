import { createCommandBus } from '@bishop/commands';
import { createRelay } from '@bishop/gateways';
import pino from 'pino';
import type { BishopConfig } from '../config/config.ts';
import { createGateway } from '../runtime/roles/gateway-role.ts';
import { startProjector } from '../runtime/roles/projector-role.ts';
import { serveWebUi, WebBuildMissingError } from '../runtime/roles/web-ui.ts';
import { selectedWorkerKinds } from '../runtime/roles/worker-selection.ts';
import { startWorkers } from '../runtime/roles/workers-role.ts';
import { openStores } from '../runtime/stores.ts';

/** `bishop start`: every role in one process, on the configured (by default embedded) stores. */
export async function startBishop(config: BishopConfig): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = pino({ level: config.logLevel });
  // Checked before anything opens: a typo in the setting must not leave half a Bishop running.
  const workerKinds = selectedWorkerKinds(config.startWorkers);
  const stores = await openStores(config);
  const projector = await startProjector(stores, logger.child({ role: 'projector' }));
  const relay = createRelay({
    eventStore: stores.rawEventStore,
    bus: stores.bus,
    logger: logger.child({ role: 'relay' }),
  });
  await relay.start();
  const commands = createCommandBus({ eventStore: stores.eventStore });
  const workers = startWorkers(config, stores, commands, logger.child({ role: 'worker' }), workerKinds);
  const gateway = await createGateway(config, stores, {
    projector,
    commands,
    extraChecks: workers.capabilityChecks,
    logger: logger.child({ role: 'gateway' }),
  });
  // The web app on the API's own origin; without a build the API still runs (./bishop start builds it first).
  await serveWebUi(gateway.app, config.webDir, { mediaOrigin: config.mediaOrigin }).catch((error: unknown) => {
    if (!(error instanceof WebBuildMissingError)) throw error;
    logger.warn(error.message);
  });
  const address = await gateway.app.listen({ host: config.host, port: config.port });
  logger.info({ address, data: stores.describe }, 'Bishop started');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    // Stop taking requests first, then the roles that feed them, then the stores.
    stopping ??= (async () => {
      await gateway.close();
      await workers.stop();
      await relay.stop();
      await projector.stop();
      await stores.close();
      logger.info('Bishop stopped');
    })();
    return stopping;
  };
  return { url: address, stop };
}
