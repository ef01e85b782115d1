import { createPgSqlClient, type SqlClient } from '@bishop/infra';
import { createSqlAuthStore } from '@bishop/infra/auth-store';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { authStoreContract } from './auth-store.contract.ts';

authStoreContract('PostgreSQL server', async () => {
  const schema = uniqueSchema('auth');
  const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  const others: SqlClient[] = [];
  return {
    store: await createSqlAuthStore(sql, { schema }),
    // A separate pool: another gateway process on the same database.
    openAnother: async () => {
      const other = createPgSqlClient({ connectionString: testDatabaseUrl });
      others.push(other);
      return createSqlAuthStore(other, { schema });
    },
    async teardown() {
      await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all([sql, ...others].map((client) => client.close()));
    },
  };
});
