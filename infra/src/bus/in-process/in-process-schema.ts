import { type SqlClient, sqlIdentifier } from '../../sql/sql-client.ts';

/**
 * Tables of the in-process bus. `messages` is the stream (JetStream's
 * storage); `consumers` holds each durable's config and cursor (the highest
 * sequence it has looked at); `pending` holds messages handed out but not yet
 * acked, with the instant they become due for redelivery (ack deadline or
 * nak delay). Acking or terminating deletes the pending row.
 */
function busSchemaStatements(schema: string): string[] {
  const s = sqlIdentifier(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.bishop_bus_messages (
       seq        bigserial   PRIMARY KEY,
       subject    text        NOT NULL,
       msg_id     text        NOT NULL,
       headers    jsonb       NOT NULL,
       data       bytea       NOT NULL,
       stored_at  timestamptz NOT NULL DEFAULT clock_timestamp()
     )`,
    `CREATE INDEX IF NOT EXISTS bishop_bus_messages_msg_id ON ${s}.bishop_bus_messages (msg_id, seq)`,
    `CREATE TABLE IF NOT EXISTS ${s}.bishop_bus_consumers (
       durable         text    PRIMARY KEY,
       filters         text[]  NOT NULL,
       ack_wait_ms     integer NOT NULL,
       max_deliver     integer NOT NULL,
       max_ack_pending integer NOT NULL,
       cursor_seq      bigint  NOT NULL DEFAULT 0
     )`,
    `CREATE TABLE IF NOT EXISTS ${s}.bishop_bus_pending (
       durable        text        NOT NULL,
       seq            bigint      NOT NULL,
       delivery_count integer     NOT NULL,
       due_at         timestamptz NOT NULL,
       PRIMARY KEY (durable, seq)
     )`,
  ];
}

/** Creates the tables idempotently; concurrent starters are serialised by a lock. */
export async function migrateBusSchema(sql: SqlClient, schema: string): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`bishop-bus-migrate-${schema}`]);
    for (const statement of busSchemaStatements(schema)) await tx.query(statement);
  });
}
