import { randomBytes } from 'node:crypto';
import { createCommandBus } from '@bishop/commands';
import { changeNoticeSubject, eventCatalogue, isDomainEventType } from '@bishop/domain';
import type { Bus } from '@bishop/domain/ports';
import {
  type AuthService,
  buildApp,
  type CallRegistry,
  checkReadiness,
  createAuthService,
  createCallRegistry,
  createChatAvatarLookup,
  createLiveFeeds,
  createMediaUrlSigner,
  createOwnershipCheck,
  type LiveFeeds,
} from '@bishop/gateways';
import {
  createCachingKeyStore,
  createColumnSealer,
  createFsBlobStore,
  createInProcessBus,
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createReadStore,
  createSealedBlobStore,
  createSqlKeyStore,
  type ReadStore,
} from '@bishop/infra';
import { createSqlAuthStore } from '@bishop/infra/auth-store';
import { createCallEngine, defaultTurnSettings } from '@bishop/ml-workers';
import { audioTools } from '@bishop/ml-workers/audio';
import { modelSettings } from '@bishop/ml-workers/models';
import { createTtsEngines } from '@bishop/ml-workers/tts';
import { createProjector, findApiTokenByHash } from '@bishop/projections';
import type { FastifyInstance } from 'fastify';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';
import { createBenchDatabase } from './bench-databases.ts';

/** A listening gateway on fresh stores, plus the pieces a benchmark drives directly. */
export interface GatewayRig {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  /** The app itself, for Fastify's inject. */
  readonly app: FastifyInstance;
  readonly bus: Bus;
  readonly live: LiveFeeds;
  readonly readStore: ReadStore;
  /** The gateway's own AuthService instance (an anchor route authenticates with it too). */
  readonly auth: AuthService;
  /** Live calls' registry, when the rig serves calls. */
  readonly calls: CallRegistry | undefined;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/**
 * The gateway as `bishop start` assembles it (infra/src/runtime/stores.ts and
 * roles/gateway-role.ts + projector-role.ts) with BISHOP_DATABASE_URL set:
 * event store, keys, read models, sessions and the embedded bus on a
 * throw-away database of the bench server, files in a temporary directory.
 * Assembled here from the packages' public exports because @bishop/infra does
 * not export its runtime (openStores, createGateway); keep the two in step.
 */
export async function openGatewayRig(
  serverUrl: string,
  options: {
    readonly sealed?: boolean;
    /** Serve live calls (GET /api/chats/:chatId/call) on the test models, at most this many at once. */
    readonly calls?: { readonly maxConcurrent: number };
  } = {},
): Promise<GatewayRig> {
  // As production wires it: personal read-model columns and blobs sealed (off only for an A/B of the cost).
  const sealed = options.sealed ?? process.env.BISHOP_BENCH_SEALING !== 'off';
  const database = await createBenchDatabase(serverUrl, 'gateway');
  const blobDir = await temporaryDirectory('bench-gateway');
  const schema = 'bishop';
  const sql = createPgSqlClient({ connectionString: database.url });
  const masterKey = randomBytes(32);
  const keyStore = createCachingKeyStore(await createSqlKeyStore(sql, { schema, masterKey }));
  const personalFieldsOf = (type: string) => (isDomainEventType(type) ? eventCatalogue[type].personalFields : []);
  const eventStore = createPersonalDataEventStore(
    await createPostgresEventStore(sql, { schema }),
    keyStore,
    personalFieldsOf,
  );
  const readStore = await createReadStore({
    kind: 'postgres',
    connectionString: database.url,
    schema: 'bishop_read',
    ...(sealed ? { sealer: createColumnSealer(keyStore) } : {}),
  });
  const authStore = await createSqlAuthStore(sql, { schema: `${schema}_auth` });
  const storedBlobs = await createFsBlobStore({ root: blobDir.path });
  const blobs = sealed ? createSealedBlobStore(storedBlobs, keyStore) : storedBlobs;
  const bus = await createInProcessBus({ sql, schema });
  await bus.ensureTopology();

  const encoder = new TextEncoder();
  const projector = createProjector({
    eventStore,
    db: readStore.db,
    schema: readStore.schema,
    onCommitted: (notices) => {
      for (const notice of notices) {
        bus.signal(changeNoticeSubject(notice.ownerId), encoder.encode(JSON.stringify(notice)));
      }
    },
  });
  await projector.start();

  const commands = createCommandBus({ eventStore });
  const live = createLiveFeeds(bus);
  const db = readStore.models;
  const auth = createAuthService({
    eventStore,
    commandBus: commands,
    store: authStore,
    signingKey: randomBytes(32),
    // Sign-up is setup, not the measured work: a cheap scrypt keeps it from taking seconds.
    passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    findApiTokenByHash: async (hash) => {
      const row = await findApiTokenByHash(db, hash);
      return row ? { tokenId: row.token_id, userId: row.owner_id, revoked: row.revoked_at !== null } : null;
    },
  });
  const calls = options.calls
    ? {
        engine: testModelCallEngine(commands, blobs, eventStore),
        registry: createCallRegistry(options.calls.maxConcurrent),
      }
    : undefined;
  const app: FastifyInstance = await buildApp({
    readinessChecks: [],
    version: 'bench',
    api: {
      services: {
        commands,
        readModels: db,
        waitForPosition: projector.waitFor.bind(projector),
        auth,
        blobs,
        signer: createMediaUrlSigner(randomBytes(32)),
        live,
        owns: createOwnershipCheck(eventStore),
        avatarOfChat: createChatAvatarLookup(eventStore),
        readiness: () => checkReadiness([]),
      },
      uploadLimits: { maxFileBytes: 10 * MB, maxUserBytes: 100 * MB, maxFiles: 100, maxVoiceSampleBytes: 10 * MB },
      // Quota checks only: no upload in these benchmarks comes near the limit.
      bytesStoredBy: async () => 0,
      ...(calls ? { calls } : {}),
    },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  return {
    url,
    app,
    bus,
    live,
    readStore,
    auth,
    calls: calls?.registry,
    async close() {
      await app.close();
      await live.close();
      await projector.stop();
      await bus.close();
      await blobs.close();
      await eventStore.close();
      await keyStore.close();
      await readStore.close();
      await sql.close();
      await blobDir.remove();
      await database.drop();
    },
  };
}

/** The call engine as the gateway role wires it, on the repository's test models (they load on a call's start). */
function testModelCallEngine(
  commands: Parameters<typeof createCallEngine>[0]['commands'],
  blobs: Parameters<typeof createCallEngine>[0]['blobs'],
  eventStore: Parameters<typeof createCallEngine>[0]['eventStore'],
) {
  const environment = testModelEnvironment();
  const models = modelSettings(environment.BISHOP_MODELS_DIR as string, environment);
  const tools = audioTools();
  return createCallEngine({
    settings: { turn: defaultTurnSettings, idleSec: 60, maxSec: 600 },
    commands,
    blobs,
    eventStore,
    models,
    tts: createTtsEngines({ models, engines: ['vits', 'espeak'], espeakProgram: 'espeak-ng', audioTools: tools }),
    espeakProgram: 'espeak-ng',
    audioTools: tools,
    replies: {
      mode: 'auto',
      remote: undefined,
      maxContextTokens: 2048,
      maxNewTokens: 64,
      temperature: 0.7,
      timeoutMs: 60_000,
    },
  });
}
