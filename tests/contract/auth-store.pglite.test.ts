import { createPgliteSqlClient } from '@bishop/infra';
import { createSqlAuthStore } from '@bishop/infra/auth-store';
import { authStoreContract } from './auth-store.contract.ts';

authStoreContract('PGlite (embedded)', async () => {
  const sql = await createPgliteSqlClient();
  return {
    store: await createSqlAuthStore(sql),
    // One in-process database: "another process" is another store on the same tables.
    openAnother: () => createSqlAuthStore(sql),
    teardown: () => sql.close(),
  };
});
