import { type CommandBus, createCommandBus } from '@bishop/commands';
import { revocationSubject } from '@bishop/domain';
import {
  buildApp,
  checkReadiness,
  createAuthService,
  createLiveFeeds,
  createMediaUrlSigner,
  createOwnershipCheck,
  defaultLoginLimits,
  type ReadinessCheck,
} from '@bishop/gateways';
import { DEFAULT_PROJECTOR_NAME, findApiTokenByHash, type Projector, readProjectionStatus } from '@bishop/projections';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { BishopConfig } from '../../config/config.ts';
import { deriveKey } from '../derived-keys.ts';
import type { Stores } from '../stores.ts';
import { bishopVersion } from '../version.ts';
import { createCheckpointWaiter } from './checkpoint-waiter.ts';
import { projectionReadiness } from './projection-readiness.ts';

export interface GatewayRole {
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The HTTP gateway: GraphQL, uploads, media, health and metrics, on the given stores. */
export async function createGateway(
  config: BishopConfig,
  stores: Stores,
  options: {
    readonly projector?: Projector;
    readonly commands?: CommandBus;
    readonly extraChecks?: readonly ReadinessCheck[];
    readonly logger?: Logger;
  },
): Promise<GatewayRole> {
  const commands = options.commands ?? createCommandBus({ eventStore: stores.eventStore });
  const live = createLiveFeeds(stores.bus);
  const db = stores.readStore.models;
  const readinessChecks = [...stores.readinessChecks, projectionReadiness(db), ...(options.extraChecks ?? [])];
  const waitForPosition =
    options.projector?.waitFor.bind(options.projector) ?? createCheckpointWaiter(db, live).waitFor;
  const auth = createAuthService({
    eventStore: stores.eventStore,
    commandBus: commands,
    store: stores.authStore,
    signingKey: deriveKey(stores.masterKey, 'access-tokens'),
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    passwordResetTtlSeconds: config.passwordResetTtlSeconds,
    loginLimits: {
      ...defaultLoginLimits,
      signUpsPerClient: { ...defaultLoginLimits.signUpsPerClient, maxFailures: config.signUpLimit },
    },
    // Every gateway process (this one too) hears it and closes the sockets that rode on the credential.
    announceRevocation: (signal) =>
      stores.bus.signal(revocationSubject(signal.userId), new TextEncoder().encode(JSON.stringify(signal))),
    findApiTokenByHash: async (hash) => {
      const row = await findApiTokenByHash(db, hash);
      return row ? { tokenId: row.token_id, userId: row.owner_id, revoked: row.revoked_at !== null } : null;
    },
  });
  const app = await buildApp({
    readinessChecks,
    version: bishopVersion,
    trustProxy: config.trustProxy,
    mediaOrigin: config.mediaOrigin,
    ...(options.logger ? { logger: options.logger } : {}),
    api: {
      services: {
        commands,
        readModels: db,
        waitForPosition,
        auth,
        blobs: stores.blobs,
        signer: createMediaUrlSigner(deriveKey(stores.masterKey, 'media-urls'), { origin: config.mediaOrigin }),
        live,
        owns: createOwnershipCheck(stores.eventStore),
        readiness: () => checkReadiness(readinessChecks),
      },
      uploadLimits: config.uploads,
      introspection: config.graphqlIntrospection,
      bytesStoredBy: async (userId) => {
        const row = await db
          .selectFrom('materials')
          .select(sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes'))
          .where('owner_id', '=', userId)
          .where('removed', '=', false)
          .executeTakeFirst();
        return Number(row?.bytes ?? 0);
      },
      metrics: {
        ...(options.projector ? { projectionLag: () => lagFigures(options.projector as Projector) } : {}),
        projectionStall: async () => (await readProjectionStatus(db, DEFAULT_PROJECTOR_NAME)).stall,
      },
    },
  });
  return {
    app,
    async close() {
      await app.close();
      await live.close();
    },
  };
}

async function lagFigures(projector: Projector) {
  const lag = await projector.lag();
  return { positions: Number(lag.positionsBehind), seconds: lag.secondsBehind };
}
