import type { EventStore } from '@bishop/domain/ports';
import { createColumnSealer, createPgSqlClient, createReadStore } from '@bishop/infra';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { projectionsContract } from './projections.contract.ts';
import { decryptingEventStore } from './projections.stores.ts';

projectionsContract('PostgreSQL server', async () => {
  const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  const otherClient = createPgSqlClient({ connectionString: testDatabaseUrl, applicationName: 'bishop-test-reader' });
  const eventSchemas = [uniqueSchema('es')];
  const main = await decryptingEventStore(sql, eventSchemas[0] as string);
  const readStore = await createReadStore({
    kind: 'postgres',
    connectionString: testDatabaseUrl,
    schema: uniqueSchema('rm'),
    // Personal columns sealed, as production wires it.
    sealer: createColumnSealer(main.keyStore),
  });
  const stores: EventStore[] = [main.eventStore];
  return {
    eventStore: main.eventStore,
    keyStore: main.keyStore,
    readStore,
    otherClient,
    sessions: 'many',
    async openIsolatedEventStore() {
      const schema = uniqueSchema('es');
      eventSchemas.push(schema);
      const isolated = await decryptingEventStore(sql, schema);
      stores.push(isolated.eventStore);
      return isolated;
    },
    async teardown() {
      for (const store of stores) await store.close();
      for (const schema of [...eventSchemas, readStore.schema])
        await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await readStore.close();
      await otherClient.close();
      await sql.close();
    },
  };
});
