import type { EventStore } from '@bishop/domain/ports';
import {
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSqlKeyStore,
  type SqlClient,
} from '@bishop/infra';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { type EventStoreHarness, eventStoreContract } from './event-store.contract.ts';
import { testMasterKey } from './key-store.contract.ts';

async function postgresHarness(wrap: (store: EventStore, sql: SqlClient, schema: string) => Promise<EventStore>) {
  const schema = uniqueSchema('es');
  const open = async () => {
    const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    return { sql, store: await wrap(await createPostgresEventStore(sql, { schema }), sql, schema) };
  };
  let current = await open();
  return {
    get store() {
      return current.store;
    },
    async reopen() {
      await current.store.close();
      await current.sql.close();
      current = await open();
      return current.store;
    },
    async teardown() {
      await current.store.close();
      await current.sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await current.sql.close();
    },
  } satisfies EventStoreHarness;
}

eventStoreContract('PostgreSQL server', () => postgresHarness(async (store) => store));

// The encrypting decorator must be invisible: the same contract holds through it.
eventStoreContract('PostgreSQL server + personal-data encryption', () =>
  postgresHarness(async (store, sql, schema) =>
    createPersonalDataEventStore(store, await createSqlKeyStore(sql, { schema, masterKey: testMasterKey }), () => [
      'name',
      'nested',
      'text',
      'big',
      'n',
      'ключ',
    ]),
  ),
);
