import { createInProcessBus, createPgliteSqlClient, type SqlClient } from '@bishop/infra';
import { uniquePrefix } from '../src/event-fixtures.ts';
import { temporaryDirectory } from '../src/test-env.ts';
import { busContract } from './bus.contract.ts';

busContract('in-process (PGlite)', async () => {
  const dir = await temporaryDirectory('bus');
  const root = uniquePrefix('bus');
  const open = async () => {
    const sql: SqlClient = await createPgliteSqlClient({ dataDir: dir.path });
    return { sql, bus: await createInProcessBus({ sql, subjectRoot: root }) };
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
      await current.sql.close();
      await dir.remove();
    },
  };
});
