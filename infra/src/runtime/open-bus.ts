import type { Bus } from '@bishop/domain/ports';
import { createInProcessBus, createNatsBus } from '../bus/index.ts';
import type { BishopConfig } from '../config/config.ts';
import type { SqlClient } from '../sql/sql-client.ts';

/** The configured Bus: NATS JetStream, or the durable in-process bus in the SQL database. */
export async function openBus(config: BishopConfig, sql: SqlClient): Promise<Bus> {
  const bus =
    config.bus === 'nats'
      ? await createNatsBus({ servers: config.natsUrl as string })
      : await createInProcessBus({ sql, schema: config.databaseSchema });
  await bus.ensureTopology();
  return bus;
}
