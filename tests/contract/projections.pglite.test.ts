import type { EventStore } from '@bishop/domain/ports';
import { createColumnSealer, createPgliteSqlClient, createReadStore } from '@bishop/infra';
import { projectionsContract } from './projections.contract.ts';
import { pgliteSessionContract } from './projections.pglite-sessions.ts';
import { decryptingEventStore } from './projections.stores.ts';

// One PGlite for the whole file (each instance takes seconds to start), shared like `bishop start` shares it.
const sql = await createPgliteSqlClient();

pgliteSessionContract(sql);

projectionsContract('PGlite (embedded, one instance with the event store)', async () => {
  const main = await decryptingEventStore(sql, 'bishop');
  const readStore = await createReadStore({
    kind: 'pglite',
    pglite: sql.pglite,
    sealer: createColumnSealer(main.keyStore),
  });
  const stores: EventStore[] = [main.eventStore];
  let isolatedCount = 0;
  return {
    eventStore: main.eventStore,
    keyStore: main.keyStore,
    readStore,
    otherClient: sql,
    sessions: 'one',
    async openIsolatedEventStore() {
      const isolated = await decryptingEventStore(sql, `bishop_isolated_${++isolatedCount}`);
      stores.push(isolated.eventStore);
      return isolated;
    },
    async teardown() {
      for (const store of stores) await store.close();
      await readStore.close();
      await sql.close();
    },
  };
});
