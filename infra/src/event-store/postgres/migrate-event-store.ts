import { splitStatements } from '../../sql/split-statements.ts';
import type { SqlClient } from '../../sql/sql-client.ts';
import { eventStoreSchemaSql } from './event-store-schema.ts';
import { migrateEventDataToJsonb } from './jsonb-migration.ts';

/** Creates or updates the event store's tables and functions; safe to run from many processes at once. */
export async function migrateEventStore(sql: SqlClient, schema: string): Promise<void> {
  // Several processes may start at once: serialise the idempotent DDL.
  const repaired = await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`bishop-migrate-${schema}`]);
    for (const statement of splitStatements(eventStoreSchemaSql(schema))) await tx.query(statement);
    return migrateEventDataToJsonb(tx, schema);
  });
  if (repaired > 0) {
    console.warn(
      `[event-store] ${repaired} stored event(s) held text jsonb cannot keep (NUL, lone surrogates): stored with U+FFFD instead; the originals are in ${schema}.bishop_event_repairs`,
    );
  }
}
