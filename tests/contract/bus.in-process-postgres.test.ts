import { createInProcessBus, createPgSqlClient, type SqlClient } from '@bishop/infra';
import { uniquePrefix } from '../src/event-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { busContract } from './bus.contract.ts';

// The in-process bus on a PostgreSQL server: what several Bishop processes sharing one database would use.
busContract('in-process (PostgreSQL server)', async () => {
  const schema = uniqueSchema('bus');
  const root = uniquePrefix('bus');
  const open = async () => {
    const sql: SqlClient = createPgSqlClient({ connectionString: testDatabaseUrl });
    return { sql, bus: await createInProcessBus({ sql, schema, subjectRoot: root }) };
  };
  let current = await open();
  return {
    root,
    get bus() {
      return current.bus;
    },
    async reopen() {
      await current.bus.close();
      await current.sql.close();
      current = await open();
      return current.bus;
    },
    async teardown() {
      await current.bus.close();
      await current.sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await current.sql.close();
    },
  };
});
