import { eventCatalogue, isDomainEventType } from '@bishop/domain';
import {
  createPersonalDataEventStore,
  createPostgresEventStore,
  createSqlKeyStore,
  type SqlClient,
} from '@bishop/infra';
import { testMasterKey } from './key-store.contract.ts';

/** The event store as production wires it: PostgreSQL/PGlite, personal fields encrypted under per-subject keys. */
export async function decryptingEventStore(sql: SqlClient, schema: string) {
  const raw = await createPostgresEventStore(sql, { schema });
  const keyStore = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
  const eventStore = createPersonalDataEventStore(raw, keyStore, (type) =>
    isDomainEventType(type) ? eventCatalogue[type].personalFields : [],
  );
  return { raw, keyStore, eventStore };
}
