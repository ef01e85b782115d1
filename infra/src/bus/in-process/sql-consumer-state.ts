import type { ConsumerOptions } from '@bishop/domain/ports';
import { type SqlClient, type SqlTransaction, sqlIdentifier } from '../../sql/sql-client.ts';
import { anySubjectMatcher } from '../subjects.ts';
import { type MessageRow, type StoredMessage, toStoredMessage } from './sql-message-log.ts';

/** Which delivery of a message a handle belongs to. */
export interface Delivery {
  readonly seq: number;
  readonly deliveryCount: number;
}

export type FetchResult =
  | { readonly kind: 'delivery'; readonly message: StoredMessage; readonly delivery: Delivery }
  /** The cursor moved past messages that match no filter: look again at once. */
  | { readonly kind: 'skipped' }
  /** Nothing to hand out; a pending message becomes due in `dueInMs` (null: none pending). */
  | { readonly kind: 'idle'; readonly dueInMs: number | null };

interface ConsumerRow {
  cursor_seq: string | number;
  filters: string[];
  ack_wait_ms: number;
  max_deliver: number;
  max_ack_pending: number;
}

/** Messages looked at per fetch while searching for the next one matching the filters. */
const SCAN_WINDOW = 256;
const MESSAGE_COLUMNS = 'm.seq, m.subject, m.msg_id, m.headers, m.data';

/** Durable consumers of the in-process bus: cursor, pending messages, redelivery, acks. */
export function sqlConsumerState(sql: SqlClient, schema: string) {
  const s = sqlIdentifier(schema);
  const after = (ms: string) => `clock_timestamp() + ${ms} * interval '1 millisecond'`;
  const delivered = (row: MessageRow & { delivery_count: number }): FetchResult => {
    const message = toStoredMessage(row);
    return { kind: 'delivery', message, delivery: { seq: message.seq, deliveryCount: row.delivery_count } };
  };

  /** The first pending message whose ack wait or nak delay is over, handed out again (and read in the same step). */
  async function redeliverDue(tx: SqlTransaction, durable: string, consumer: ConsumerRow) {
    const [due] = await tx.query<MessageRow & { delivery_count: number }>(
      `WITH due AS (
         UPDATE ${s}.bishop_bus_pending SET delivery_count = delivery_count + 1, due_at = ${after('$2')}
          WHERE durable = $1 AND seq = (
            SELECT seq FROM ${s}.bishop_bus_pending
             WHERE durable = $1 AND due_at <= clock_timestamp() AND delivery_count < $3 ORDER BY seq LIMIT 1)
          RETURNING seq, delivery_count)
       SELECT ${MESSAGE_COLUMNS}, due.delivery_count FROM due JOIN ${s}.bishop_bus_messages m ON m.seq = due.seq`,
      [durable, consumer.ack_wait_ms, consumer.max_deliver],
    );
    return due ? delivered(due) : null;
  }

  /** Messages in flight (an exhausted one counts until its last delivery is due) and when the next falls due. */
  async function pendingStatus(tx: SqlTransaction, durable: string, consumer: ConsumerRow) {
    const [status] = await tx.query<{ in_flight: string | number; exhausted: string | number; due_in_ms: unknown }>(
      `SELECT count(*) FILTER (WHERE delivery_count < $2 OR due_at > clock_timestamp()) AS in_flight,
              count(*) FILTER (WHERE delivery_count >= $2 AND due_at <= clock_timestamp()) AS exhausted,
              extract(epoch FROM min(due_at) FILTER (WHERE delivery_count < $2) - clock_timestamp()) * 1000 AS due_in_ms
         FROM ${s}.bishop_bus_pending WHERE durable = $1`,
      [durable, consumer.max_deliver],
    );
    if (Number(status?.exhausted) > 0) {
      // Messages that used up their deliveries are given up once their last delivery is due.
      await tx.query(
        `DELETE FROM ${s}.bishop_bus_pending WHERE durable = $1 AND delivery_count >= $2 AND due_at <= clock_timestamp()`,
        [durable, consumer.max_deliver],
      );
    }
    const dueInMs = status?.due_in_ms === null || status?.due_in_ms === undefined ? null : Number(status.due_in_ms);
    return { inFlight: Number(status?.in_flight ?? 0), dueInMs: dueInMs === null ? null : Math.max(0, dueInMs) };
  }

  /** The next message after the cursor that matches the filters, if any; the cursor moves past what it scanned. */
  async function deliverNext(tx: SqlTransaction, durable: string, consumer: ConsumerRow): Promise<FetchResult | null> {
    const scanned = await tx.query<{ seq: string | number; subject: string }>(
      `SELECT seq, subject FROM ${s}.bishop_bus_messages WHERE seq > $1 ORDER BY seq LIMIT ${SCAN_WINDOW}`,
      [consumer.cursor_seq],
    );
    const matches = anySubjectMatcher(consumer.filters);
    const next = scanned.find((row) => matches(row.subject));
    if (next) {
      const [row] = await tx.query<MessageRow & { delivery_count: number }>(
        `WITH moved AS (UPDATE ${s}.bishop_bus_consumers SET cursor_seq = $2 WHERE durable = $1),
              handed AS (INSERT INTO ${s}.bishop_bus_pending (durable, seq, delivery_count, due_at)
                         VALUES ($1, $2, 1, ${after('$3')}))
         SELECT ${MESSAGE_COLUMNS}, 1 AS delivery_count FROM ${s}.bishop_bus_messages m WHERE m.seq = $2`,
        [durable, next.seq, consumer.ack_wait_ms],
      );
      if (!row) throw new Error(`Bus message ${next.seq} vanished while being handed out`);
      return delivered(row);
    }
    const last = scanned.at(-1);
    if (!last) return null;
    await tx.query(`UPDATE ${s}.bishop_bus_consumers SET cursor_seq = $2 WHERE durable = $1`, [durable, last.seq]);
    return { kind: 'skipped' };
  }

  return {
    /** Creates the durable, or updates its config keeping its position. */
    async upsert(options: ConsumerOptions): Promise<void> {
      await sql.query(
        `INSERT INTO ${s}.bishop_bus_consumers (durable, filters, ack_wait_ms, max_deliver, max_ack_pending)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (durable) DO UPDATE SET filters = excluded.filters, ack_wait_ms = excluded.ack_wait_ms,
           max_deliver = excluded.max_deliver, max_ack_pending = excluded.max_ack_pending`,
        [options.durable, options.subjects, options.ackWaitMs, options.maxDeliver, options.maxAckPending],
      );
    },

    /** Hands out one message: a due redelivery first, else the next matching one while under maxAckPending. */
    fetch(durable: string): Promise<FetchResult> {
      return sql.transaction(async (tx) => {
        // Locking the consumer row makes fetchers of one durable (in any process) take turns.
        const [consumer] = await tx.query<ConsumerRow>(
          `SELECT cursor_seq, filters, ack_wait_ms, max_deliver, max_ack_pending
             FROM ${s}.bishop_bus_consumers WHERE durable = $1 FOR UPDATE`,
          [durable],
        );
        if (!consumer) throw new Error(`Bus consumer ${durable} does not exist`);
        const due = await redeliverDue(tx, durable, consumer);
        if (due) return due;
        const pending = await pendingStatus(tx, durable, consumer);
        const next = pending.inFlight < consumer.max_ack_pending ? await deliverNext(tx, durable, consumer) : null;
        return next ?? { kind: 'idle', dueInMs: pending.dueInMs };
      });
    },

    /** Acks count whichever delivery sent them: the work is done. */
    async ack(durable: string, seq: number): Promise<void> {
      await sql.query(`DELETE FROM ${s}.bishop_bus_pending WHERE durable = $1 AND seq = $2`, [durable, seq]);
    },

    /** The rest only touch the delivery they came with, so a stale handle cannot disturb a newer one. */
    async nak(durable: string, delivery: Delivery, delayMs: number): Promise<void> {
      await sql.query(
        `UPDATE ${s}.bishop_bus_pending SET due_at = ${after('$4')}
          WHERE durable = $1 AND seq = $2 AND delivery_count = $3`,
        [durable, delivery.seq, delivery.deliveryCount, delayMs],
      );
    },

    async term(durable: string, delivery: Delivery): Promise<void> {
      await sql.query(`DELETE FROM ${s}.bishop_bus_pending WHERE durable = $1 AND seq = $2 AND delivery_count = $3`, [
        durable,
        delivery.seq,
        delivery.deliveryCount,
      ]);
    },

    async working(durable: string, delivery: Delivery): Promise<void> {
      await sql.query(
        `UPDATE ${s}.bishop_bus_pending p SET due_at = ${after('c.ack_wait_ms')}
           FROM ${s}.bishop_bus_consumers c
          WHERE p.durable = $1 AND p.seq = $2 AND p.delivery_count = $3 AND c.durable = p.durable`,
        [durable, delivery.seq, delivery.deliveryCount],
      );
    },
  };
}

export type SqlConsumerState = ReturnType<typeof sqlConsumerState>;
