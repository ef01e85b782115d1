import { createCommandBus } from '@bishop/commands';
import { buildApp, type ReadinessCheck } from '@bishop/gateways';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { BishopConfig } from '../../config/config.ts';
import { openStores, type Stores } from '../stores.ts';
import { bishopVersion } from '../version.ts';
import { createGateway } from './gateway-role.ts';
import { projectionReadiness } from './projection-readiness.ts';
import { startProjector } from './projector-role.ts';
import { startRelay } from './relay-role.ts';
import { buildWebApp } from './web-role.ts';
import { startWorkers, type WorkerKind } from './workers-role.ts';

/** One role running in this process, listening on BISHOP_PORT (the API, the UI, or health only). */
export interface RunningRole {
  readonly url: string;
  stop(): Promise<void>;
}

type Stoppable = { stop(): Promise<void> } | { close(): Promise<void> };
const stopOf = (part: Stoppable) => ('stop' in part ? part.stop() : part.close());

/**
 * Opens the stores, starts the role's parts, then listens. Stopping goes the
 * other way round: stop listening, stop the parts (they drain), close the stores.
 */
async function listening(
  config: BishopConfig,
  app: FastifyInstance,
  parts: readonly Stoppable[],
  stores?: Stores,
): Promise<RunningRole> {
  const url = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop: () => {
      stopping ??= (async () => {
        await app.close();
        for (const part of parts) await stopOf(part);
        await stores?.close();
      })();
      return stopping;
    },
  };
}

/** Roles without an API still answer /healthz and /readyz (container health checks, orchestrators). */
const healthOnly = (checks: readonly ReadinessCheck[], logger: Logger) =>
  buildApp({ readinessChecks: checks, version: bishopVersion, logger });

export async function runGatewayRole(config: BishopConfig, logger: Logger): Promise<RunningRole> {
  const stores = await openStores(config);
  const gateway = await createGateway(config, stores, { logger });
  return listening(config, gateway.app, [{ close: () => gateway.close() }], stores);
}

export async function runProjectorRole(config: BishopConfig, logger: Logger): Promise<RunningRole> {
  const stores = await openStores(config);
  const projector = await startProjector(stores, logger);
  const lag: ReadinessCheck = {
    name: 'projection',
    check: async () => {
      const { positionsBehind, secondsBehind } = await projector.lag();
      return `${positionsBehind} positions (${secondsBehind.toFixed(1)} s) behind`;
    },
  };
  const app = await healthOnly([...stores.readinessChecks, lag, projectionReadiness(stores.readStore.models)], logger);
  return listening(config, app, [projector], stores);
}

export async function runRelayRole(config: BishopConfig, logger: Logger): Promise<RunningRole> {
  const stores = await openStores(config);
  const relay = await startRelay(stores, logger);
  const app = await healthOnly(stores.readinessChecks, logger);
  return listening(config, app, [relay], stores);
}

export async function runWorkerRole(config: BishopConfig, logger: Logger, kind: WorkerKind): Promise<RunningRole> {
  const stores = await openStores(config);
  const workers = startWorkers(config, stores, createCommandBus({ eventStore: stores.eventStore }), logger, [kind]);
  const app = await healthOnly([...stores.readinessChecks, ...workers.capabilityChecks], logger);
  return listening(config, app, [workers], stores);
}

export async function runWebRole(config: BishopConfig, logger: Logger): Promise<RunningRole> {
  const app = await buildWebApp({
    webDir: config.webDir,
    gatewayUrl: config.gatewayUrl,
    mediaOrigin: config.mediaOrigin,
    trustProxy: config.trustProxy,
    logger,
  });
  return listening(config, app, []);
}
