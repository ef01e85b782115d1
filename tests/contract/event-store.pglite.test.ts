import { createPgliteSqlClient, createPostgresEventStore, type SqlClient } from '@bishop/infra';
import { temporaryDirectory } from '../src/test-env.ts';
import { eventStoreContract } from './event-store.contract.ts';

eventStoreContract('PGlite (embedded)', async () => {
  const dir = await temporaryDirectory('pglite-es');
  let sql: SqlClient = await createPgliteSqlClient({ dataDir: dir.path });
  let store = await createPostgresEventStore(sql);
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      await sql.close();
      sql = await createPgliteSqlClient({ dataDir: dir.path });
      store = await createPostgresEventStore(sql);
      return store;
    },
    async teardown() {
      await store.close();
      await sql.close();
      await dir.remove();
    },
  };
});
