import { createCommandBus } from '@bishop/commands';
import { eventCatalogue, isDomainEventType } from '@bishop/domain';
import {
  createHashChainedEventStore,
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSqlKeyStore,
} from '@bishop/infra';

/**
 * The command path of a running `bishop start` on a PostgreSQL server, opened
 * from the test process: the same schema, master key, hash chain and
 * personal-data encryption as infra's openStores (which infra does not
 * export; keep the two in step). Commands sent here are real appends that
 * the running Bishop relays to its workers.
 */
export async function openCommandPath(options: { databaseUrl: string; schema: string; masterKeyBase64: string }) {
  const sql = createPgSqlClient({ connectionString: options.databaseUrl });
  const masterKey = new Uint8Array(Buffer.from(options.masterKeyBase64, 'base64'));
  const keyStore = await createSqlKeyStore(sql, { schema: options.schema, masterKey });
  const raw = createHashChainedEventStore(await createPostgresEventStore(sql, { schema: options.schema }));
  const personalFieldsOf = (type: string) => (isDomainEventType(type) ? eventCatalogue[type].personalFields : []);
  const eventStore = createPersonalDataEventStore(raw, keyStore, personalFieldsOf);
  return {
    commands: createCommandBus({ eventStore }),
    eventStore,
    /** Closes the connections, first dropping `dropSchemas` (once Bishop has stopped). */
    async close(dropSchemas: readonly string[] = []) {
      // The event store holds a LISTEN connection of its own.
      await eventStore.close();
      for (const name of dropSchemas) await sql.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await sql.close();
    },
  };
}
