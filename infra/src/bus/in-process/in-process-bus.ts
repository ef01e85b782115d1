import { type Bus, UnroutableSubjectError } from '@bishop/domain/ports';
import type { SqlClient } from '../../sql/sql-client.ts';
import { BusDefaults } from '../bus-defaults.ts';
import { validConsumerOptions } from '../consumer-options.ts';
import { subjectMatcher, validSubject } from '../subjects.ts';
import { ConsumerWakes } from './consumer-wakes.ts';
import { createInProcessConsumer } from './in-process-consumer.ts';
import { migrateBusSchema } from './in-process-schema.ts';
import { connectServerSignals } from './server-signals.ts';
import { createSignalHub } from './signal-hub.ts';
import { sqlConsumerState } from './sql-consumer-state.ts';
import { busChannel, sqlMessageLog } from './sql-message-log.ts';

export interface InProcessBusOptions {
  /** PGlite for `bishop start`; a PostgreSQL server works too (several processes may share it). */
  readonly sql: SqlClient;
  /** PostgreSQL schema for the bus tables (default `bishop`). */
  readonly schema?: string;
  /** The stream stores `<subjectRoot>.>` (default `bishop`). */
  readonly subjectRoot?: string;
  /** A msgId published again within this window is dropped (default 10 minutes). */
  readonly duplicateWindowMs?: number;
}

/**
 * The Bus with JetStream's semantics, kept in SQL tables so messages and
 * consumer positions survive a restart of the process. Signals are never
 * persisted: in memory on PGlite, and NOTIFY between the processes that share
 * a PostgreSQL server (so every gateway hears every change notice).
 */
export async function createInProcessBus(options: InProcessBusOptions): Promise<Bus> {
  const { sql } = options;
  const schema = options.schema ?? 'bishop';
  const streamSubjects = `${validSubject(options.subjectRoot ?? BusDefaults.subjectRoot)}.>`;
  const inStream = subjectMatcher(streamSubjects);
  const log = sqlMessageLog(sql, schema, {
    duplicateWindowMs: options.duplicateWindowMs ?? BusDefaults.duplicateWindowMs,
  });
  const state = sqlConsumerState(sql, schema);
  const wakes = new ConsumerWakes();
  const signals = createSignalHub();
  const consumers = new Set<{ close(): Promise<void> }>();

  await migrateBusSchema(sql, schema);
  // Other processes on the same server announce their publishes with NOTIFY.
  const unlisten = sql.shared ? await sql.listen(busChannel(schema), () => wakes.all()) : async () => {};
  const serverSignals = sql.shared ? await connectServerSignals(sql, schema, signals) : undefined;

  return {
    ensureTopology: () => migrateBusSchema(sql, schema),

    async publish(subject, data, publishOptions) {
      if (!inStream(validSubject(subject))) throw new UnroutableSubjectError(subject, streamSubjects);
      const ack = await log.append(subject, publishOptions.msgId, { ...publishOptions.headers }, data);
      if (!ack.duplicate) wakes.published(subject);
      return ack;
    },

    consume(consumerOptions) {
      const consumer = createInProcessConsumer(validConsumerOptions(consumerOptions), {
        state,
        wakes,
        idlePollMs: sql.shared ? 1000 : 5000,
      });
      consumers.add(consumer);
      return {
        [Symbol.asyncIterator]: () => consumer[Symbol.asyncIterator](),
        async close() {
          consumers.delete(consumer);
          await consumer.close();
        },
      };
    },

    lastMessageHeaders: () => log.lastHeaders(),
    signal: (subject, data) => (serverSignals ?? signals).signal(subject, data),
    listen: (subject) => signals.listen(subject),

    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      await serverSignals?.close();
      await signals.closeAll();
      await unlisten();
    },
  };
}
