import { createPgSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { eventStoreContract } from './event-store.contract.ts';

eventStoreContract('PostgreSQL server', async () => {
  const schema = uniqueSchema('es');
  let sql: SqlClient = createPgSqlClient({ connectionString: testDatabaseUrl });
  let store = await createPostgresEventStore(sql, { schema });
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      await sql.close();
      sql = createPgSqlClient({ connectionString: testDatabaseUrl });
      store = await createPostgresEventStore(sql, { schema });
      return store;
    },
    async teardown() {
      await store.close();
      await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await sql.close();
    },
  };
});
