import type { PublishAck } from '@bishop/domain/ports';
import { type SqlClient, type SqlTransaction, sqlIdentifier } from '../../sql/sql-client.ts';

export interface StoredMessage {
  readonly seq: number;
  readonly subject: string;
  readonly msgId: string;
  readonly headers: Record<string, string>;
  readonly data: Uint8Array;
}

export interface MessageRow {
  seq: string | number | bigint;
  subject: string;
  msg_id: string;
  headers: Record<string, string> | string;
  data: Uint8Array;
}

/** The stream of the in-process bus: an append-only table with msgId deduplication. */
export function sqlMessageLog(sql: SqlClient, schema: string, options: { duplicateWindowMs: number }) {
  const s = sqlIdentifier(schema);
  const publishLock = `bishop-bus-publish-${schema}`;
  const withinWindow = `stored_at > clock_timestamp() - $5 * interval '1 millisecond'`;

  return {
    /**
     * Stores the message unless its msgId was stored within the window. On a
     * server, publishers take one lock until commit, so sequence order is
     * commit order (a consumer's cursor never passes a message that commits
     * later) and two publishers of one msgId cannot both miss each other.
     * PGlite runs one statement at a time, so there it needs no lock.
     */
    append(subject: string, msgId: string, headers: Record<string, string>, data: Uint8Array): Promise<PublishAck> {
      const store = async (tx: SqlTransaction): Promise<PublishAck> => {
        const [stored] = await tx.query<{ seq: string | number }>(
          `INSERT INTO ${s}.bishop_bus_messages (subject, msg_id, headers, data)
           SELECT $1, $2, $3::jsonb, $4
            WHERE NOT EXISTS (SELECT 1 FROM ${s}.bishop_bus_messages WHERE msg_id = $2 AND ${withinWindow})
           RETURNING seq`,
          [subject, msgId, JSON.stringify(headers), Buffer.from(data), options.duplicateWindowMs],
        );
        if (stored) return { seq: Number(stored.seq), duplicate: false };
        const [earlier] = await tx.query<{ seq: string | number }>(
          `SELECT seq FROM ${s}.bishop_bus_messages WHERE msg_id = $1 ORDER BY seq DESC LIMIT 1`,
          [msgId],
        );
        return { seq: Number(earlier?.seq), duplicate: true };
      };
      if (!sql.shared) return store(sql);
      return sql.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [publishLock]);
        const ack = await store(tx);
        if (!ack.duplicate) await tx.query('SELECT pg_notify($1, $2)', [busChannel(schema), '']);
        return ack;
      });
    },

    async lastHeaders(): Promise<Record<string, string> | null> {
      const [row] = await sql.query<Pick<MessageRow, 'headers'>>(
        `SELECT headers FROM ${s}.bishop_bus_messages ORDER BY seq DESC LIMIT 1`,
      );
      return row ? parseHeaders(row.headers) : null;
    },
  };
}

export type SqlMessageLog = ReturnType<typeof sqlMessageLog>;

/** NOTIFY channel on which other processes announce publishes and acks (PostgreSQL servers only). */
export function busChannel(schema: string): string {
  return `bishop_bus_${schema}`;
}

function parseHeaders(headers: MessageRow['headers']): Record<string, string> {
  return typeof headers === 'string' ? JSON.parse(headers) : headers;
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  return {
    seq: Number(row.seq),
    subject: row.subject,
    msgId: row.msg_id,
    headers: parseHeaders(row.headers),
    data: new Uint8Array(row.data),
  };
}
