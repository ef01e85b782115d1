import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eventCatalogue, isDomainEventType } from '@bishop/domain';
import type { EventStore, KeyStore } from '@bishop/domain/ports';
import type { ReadinessCheck } from '@bishop/gateways';
import type { BishopConfig } from '../config/config.ts';
import { createPostgresEventStore } from '../event-store/postgres/postgres-event-store.ts';
import { createCachingKeyStore } from '../key-store/caching-key-store.ts';
import { createSqlKeyStore } from '../key-store/sql-key-store.ts';
import { createPersonalDataEventStore } from '../personal-data/personal-data-event-store.ts';
import { createPgSqlClient } from '../sql/pg-sql-client.ts';
import { createPgliteSqlClient } from '../sql/pglite-sql-client.ts';
import type { SqlClient } from '../sql/sql-client.ts';
import { loadOrCreateMasterKey } from './master-key.ts';

export interface Stores {
  /** Decrypting/encrypting view of the event store: what every other part uses. */
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly sql: SqlClient;
  readonly readinessChecks: readonly ReadinessCheck[];
  /** Human description of where data lives, for the start banner. */
  readonly describe: string;
  close(): Promise<void>;
}

/** Opens the stores the configuration names: the one place adapter choice happens. */
export async function openStores(config: BishopConfig): Promise<Stores> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const sql =
    config.eventStore === 'pglite'
      ? await createPgliteSqlClient({ dataDir: join(config.dataDir, 'pglite') })
      : createPgSqlClient({ connectionString: config.databaseUrl as string });
  const masterKey = config.masterKey ?? (await loadOrCreateMasterKey(config.dataDir)).key;
  const keyStore = createCachingKeyStore(await createSqlKeyStore(sql, { schema: config.databaseSchema, masterKey }));
  const rawEventStore =
    config.eventStore === 'esdb'
      ? await openEventStoreDb(config.esdbUrl as string)
      : await createPostgresEventStore(sql, { schema: config.databaseSchema });
  const eventStore = createPersonalDataEventStore(rawEventStore, keyStore, (type) =>
    isDomainEventType(type) ? eventCatalogue[type].personalFields : [],
  );
  return {
    eventStore,
    keyStore,
    sql,
    describe:
      config.eventStore === 'pglite'
        ? `embedded PostgreSQL (PGlite) in ${join(config.dataDir, 'pglite')}`
        : config.eventStore === 'postgres'
          ? `PostgreSQL at ${redact(config.databaseUrl as string)}`
          : `EventStoreDB at ${redact(config.esdbUrl as string)}, PostgreSQL at ${redact(config.databaseUrl as string)}`,
    readinessChecks: [
      { name: 'eventStore', check: async () => void (await rawEventStore.headPosition()) },
      { name: 'database', check: async () => void (await sql.query('SELECT 1')) },
    ],
    async close() {
      await eventStore.close();
      await keyStore.close();
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
