import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eventCatalogue, isDomainEventType } from '@bishop/domain';
import type { BlobStore, Bus, EventStore, KeyStore } from '@bishop/domain/ports';
import type { AuthStore, ReadinessCheck } from '@bishop/gateways';
import { sql as kyselySql } from 'kysely';
import { createSqlAuthStore } from '../auth-store/index.ts';
import type { BishopConfig } from '../config/config.ts';
import { createHashChainedEventStore } from '../event-store/hash-chain/hash-chained-event-store.ts';
import { createSignedChainHeads, type SignedChainHeads } from '../event-store/hash-chain/signed-heads.ts';
import { createPostgresEventStore } from '../event-store/postgres/postgres-event-store.ts';
import { createCachingKeyStore } from '../key-store/caching-key-store.ts';
import { createSqlKeyStore } from '../key-store/sql-key-store.ts';
import { createColumnSealer } from '../personal-data/column-sealer.ts';
import {
  createPersonalDataCodec,
  createPersonalDataEventStore,
  type PersonalDataCodec,
} from '../personal-data/personal-data-event-store.ts';
import { createSealedBlobStore } from '../personal-data/sealed-blob-store.ts';
import { createReadStore, type ReadStore } from '../read-store/index.ts';
import { createPgSqlClient } from '../sql/pg-sql-client.ts';
import { createPgliteSqlClient } from '../sql/pglite-sql-client.ts';
import type { SqlClient } from '../sql/sql-client.ts';
import { deriveKey } from './derived-keys.ts';
import { loadOrCreateMasterKey } from './master-key.ts';
import { openBlobStore, sealBlobsOfEarlierVersions } from './open-blob-store.ts';
import { openBus } from './open-bus.ts';

export interface Stores {
  /** Decrypting/encrypting view of the event store: what commands, projections and workers use. */
  readonly eventStore: EventStore;
  /** The store as written (personal fields sealed): what the relay puts on the bus. */
  readonly rawEventStore: EventStore;
  /** Each stream's signed chain head, for `bishop audit verify`. */
  readonly chainHeads: SignedChainHeads;
  readonly keyStore: KeyStore;
  /** Opens personal fields of events that arrive by bus (they travel sealed). */
  readonly personalData: PersonalDataCodec;
  readonly masterKey: Uint8Array;
  readonly sql: SqlClient;
  readonly readStore: ReadStore;
  readonly blobs: BlobStore;
  readonly bus: Bus;
  readonly authStore: AuthStore;
  readonly readinessChecks: readonly ReadinessCheck[];
  /** Human description of where data lives, for the start banner. */
  readonly describe: string;
  close(): Promise<void>;
}

/** Opens every store the configuration names: the one place adapter choice happens. */
export async function openStores(config: BishopConfig): Promise<Stores> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const embedded = config.databaseUrl
    ? undefined
    : await createPgliteSqlClient({ dataDir: join(config.dataDir, 'pglite') });
  const sql: SqlClient = embedded ?? createPgSqlClient({ connectionString: config.databaseUrl as string });
  const masterKey = config.masterKey ?? (await loadOrCreateMasterKey(config.dataDir)).key;
  const keyStore = createCachingKeyStore(await createSqlKeyStore(sql, { schema: config.databaseSchema, masterKey }));
  const storedEvents =
    config.eventStore === 'esdb'
      ? await openEventStoreDb(config.esdbUrl as string)
      : await createPostgresEventStore(sql, { schema: config.databaseSchema });
  // Every stream is hash-chained as written (sealed), so history can be checked without any data key;
  // its head is signed with a key derived from the master key, so it cannot be recomputed by a database writer.
  const chainHeads = await createSignedChainHeads(sql, {
    schema: config.databaseSchema,
    key: deriveKey(masterKey, 'chain-heads'),
    rawEventStore: storedEvents,
  });
  const rawEventStore = createHashChainedEventStore(storedEvents, { heads: chainHeads });
  const personalFieldsOf = (type: string) => (isDomainEventType(type) ? eventCatalogue[type].personalFields : []);
  const eventStore = createPersonalDataEventStore(rawEventStore, keyStore, personalFieldsOf);
  const personalData = createPersonalDataCodec(keyStore, personalFieldsOf);
  // Personal read-model columns are sealed with the same data keys as the events they come from.
  const sealer = createColumnSealer(keyStore);
  const readStore = embedded
    ? await createReadStore({ kind: 'pglite', pglite: embedded.pglite, schema: config.readSchema, sealer })
    : await createReadStore({
        kind: 'postgres',
        connectionString: config.databaseUrl as string,
        schema: config.readSchema,
        sealer,
      });
  const authStore = await createSqlAuthStore(sql, { schema: `${config.databaseSchema}_auth` });
  const storedBlobs = await openBlobStore(config, { soleWriter: !sql.shared });
  // Every avatar's blobs are sealed with its data key, so shredding the key shreds every copy.
  const blobs = createSealedBlobStore(storedBlobs, keyStore);
  await sealBlobsOfEarlierVersions(storedBlobs, blobs);
  const bus = await openBus(config, sql);

  return {
    eventStore,
    rawEventStore,
    chainHeads,
    keyStore,
    personalData,
    masterKey,
    sql,
    readStore,
    blobs,
    bus,
    authStore,
    describe: [
      config.eventStore === 'esdb' ? `events in EventStoreDB at ${redact(config.esdbUrl as string)}` : '',
      config.databaseUrl
        ? `PostgreSQL at ${redact(config.databaseUrl)}`
        : `embedded PostgreSQL in ${join(config.dataDir, 'pglite')}`,
      config.blobStore === 'fs' ? `files in ${config.blobDir}` : `S3 at ${config.s3.endpoint}/${config.s3.bucket}`,
      config.bus === 'nats' ? `NATS at ${redact(config.natsUrl as string)}` : 'embedded bus',
    ]
      .filter(Boolean)
      .join(', '),
    readinessChecks: [
      { name: 'eventStore', check: async () => void (await rawEventStore.headPosition()) },
      { name: 'database', check: async () => void (await sql.query('SELECT 1')) },
      { name: 'readModels', check: async () => void (await kyselySql`SELECT 1`.execute(readStore.db)) },
      { name: 'blobStore', check: async () => void (await blobs.stat('readiness/probe')) },
      { name: 'bus', check: async () => void (await bus.lastMessageHeaders()) },
    ],
    async close() {
      await bus.close();
      await blobs.close();
      await eventStore.close();
      await keyStore.close();
      await readStore.close();
      await sql.close();
    },
  };
}

async function openEventStoreDb(connectionString: string): Promise<EventStore> {
  // Loaded on demand: the gRPC client is heavy and most installs never need it.
  const { createEventStoreDbEventStore } = await import('../event-store/esdb/esdb-event-store.ts');
  return createEventStoreDbEventStore({ connectionString });
}

/** Hides passwords in connection strings shown in logs and banners. */
function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
}
