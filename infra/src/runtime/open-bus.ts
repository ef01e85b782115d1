import type { Bus } from '@bishop/domain/ports';
import { createInProcessBus, createNamespacedBus, createNatsBus } from '../bus/index.ts';
import type { BishopConfig } from '../config/config.ts';
import type { SqlClient } from '../sql/sql-client.ts';

/** The configured Bus: NATS JetStream, or the durable in-process bus in the SQL database. */
export async function openBus(config: BishopConfig, sql: SqlClient): Promise<Bus> {
  const bus =
    config.bus === 'nats'
      ? await openNatsBus(config)
      : await createInProcessBus({ sql, schema: config.databaseSchema });
  await bus.ensureTopology();
  return bus;
}

async function openNatsBus(config: BishopConfig): Promise<Bus> {
  const servers = config.natsUrl as string;
  const namespace = config.natsNamespace;
  if (!namespace) return createNatsBus({ servers, streamName: config.natsStream });
  // The stream stores `<namespace>.>`; the wrapper puts every subject under it.
  return createNamespacedBus(
    await createNatsBus({ servers, streamName: config.natsStream, subjectRoot: namespace }),
    namespace,
  );
}
