import { type CommandBus, createCommandBus } from '@bishop/commands';
import { liveChannels, sendLive } from '@bishop/domain/ports';
import {
  buildApp,
  type CallRegistry,
  checkReadiness,
  createAuthService,
  createCallRegistry,
  createChatAvatarLookup,
  createLiveFeeds,
  createMediaUrlSigner,
  createOwnershipCheck,
  defaultLoginLimits,
  type ReadinessCheck,
} from '@bishop/gateways';
import { createCallEngine, defaultTurnSettings } from '@bishop/ml-workers';
import { audioTools } from '@bishop/ml-workers/audio';
import { modelSettings } from '@bishop/ml-workers/models';
import { createTtsEngines } from '@bishop/ml-workers/tts';
import { DEFAULT_PROJECTOR_NAME, findApiTokenByHash, type Projector, readProjectionStatus } from '@bishop/projections';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { BishopConfig } from '../../config/config.ts';
import { createSmtpMailer } from '../../mail/smtp-mailer.ts';
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
  const calls = liveCalls(config, stores, commands, options.logger);
  const readinessChecks = [
    ...stores.readinessChecks,
    projectionReadiness(db),
    ...(options.extraChecks ?? []),
    ...(calls ? [callsReadiness(calls.registry)] : []),
  ];
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
    announceRevocation: (signal) => sendLive(stores.bus, liveChannels.revocations, signal),
    ...(config.mail ? { mail: { mailer: createSmtpMailer(config.mail), publicUrl: config.publicUrl } } : {}),
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
        avatarOfChat: createChatAvatarLookup(stores.eventStore),
        readiness: () => checkReadiness(readinessChecks),
      },
      uploadLimits: config.uploads,
      introspection: config.graphqlIntrospection,
      ...(calls ? { calls } : {}),
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

/** Live voice calls on this gateway (BISHOP_CALL_MAX_CONCURRENT=0: none); models load on the first call. */
function liveCalls(config: BishopConfig, stores: Stores, commands: CommandBus, logger: Logger | undefined) {
  if (config.calls.maxConcurrent === 0) return undefined;
  const models = modelSettings(config.modelsDir);
  const tools = audioTools();
  const engine = createCallEngine({
    settings: {
      turn: { ...defaultTurnSettings, endOfTurnMs: config.calls.endOfTurnMs },
      idleSec: config.calls.idleSec,
      maxSec: config.calls.maxSec,
    },
    commands,
    blobs: stores.blobs,
    eventStore: stores.eventStore,
    models,
    tts: createTtsEngines({ models, ...config.tts, audioTools: tools }),
    espeakProgram: config.tts.espeakProgram,
    audioTools: tools,
    replies: config.replies,
    ...(logger ? { logger: logger.child({ part: 'calls' }) } : {}),
  });
  return { engine, registry: createCallRegistry(config.calls.maxConcurrent) };
}

/** /readyz says how many calls this gateway carries of how many it may (optional: a full gateway still serves the rest). */
function callsReadiness(registry: CallRegistry): ReadinessCheck {
  return {
    name: 'calls',
    optional: true,
    check: async () => {
      if (registry.active >= registry.maxConcurrent) {
        throw new Error(`${registry.active} of ${registry.maxConcurrent} calls: no room for another`);
      }
      return `${registry.active} of ${registry.maxConcurrent} calls`;
    },
  };
}

async function lagFigures(projector: Projector) {
  const lag = await projector.lag();
  return { positions: Number(lag.positionsBehind), seconds: lag.secondsBehind };
}
