import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../../sql/sql-client.ts';
import { validSubject } from '../subjects.ts';
import type { createSignalHub } from './signal-hub.ts';

type SignalHub = ReturnType<typeof createSignalHub>;

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; header, subject and base64 must fit. */
const MAX_PAYLOAD_CHARS = 7900;

/** NOTIFY channel that carries the bus's signals between processes sharing one PostgreSQL server. */
export function signalChannel(schema: string): string {
  return `bishop_signals_${schema}`;
}

/**
 * Signals between processes on one PostgreSQL server (several gateways, a
 * projector and workers in their own processes): each signal is a NOTIFY
 * `<origin>:<mark> <subject> <base64 data>`, and every process's LISTEN
 * connection hands what arrives to its local hub. The sender hears its own
 * NOTIFY too, so its listeners get each signal once, by the same path; the
 * mark keeps a signal from reaching listeners of the sender that started
 * after it was sent (as on NATS). Sends go out one at a time, in order, so
 * reply tokens stay in order; not in one transaction, since PostgreSQL folds
 * identical payloads within one.
 */
export async function connectServerSignals(sql: SqlClient, schema: string, hub: SignalHub) {
  const channel = signalChannel(schema);
  const origin = randomUUID();
  const unlisten = await sql.listen(channel, (payload) => {
    const [header = '', subject = '', data = ''] = payload.split(' ');
    const [from, mark] = header.split(':');
    // A malformed notice is dropped: signals are at-most-once hints.
    try {
      const bytes = new Uint8Array(Buffer.from(data, 'base64'));
      hub.signal(subject, bytes, from === origin ? Number(mark) : Number.POSITIVE_INFINITY);
    } catch {}
  });
  let sending: Promise<void> = Promise.resolve();
  return {
    signal(subject: string, data: Uint8Array): void {
      const payload = `${origin}:${hub.mark()} ${validSubject(subject)} ${Buffer.from(data).toString('base64')}`;
      // Too large for NOTIFY (no signal of Bishop's is): this process's listeners still hear it.
      if (payload.length > MAX_PAYLOAD_CHARS) {
        hub.signal(subject, data);
        return;
      }
      // Fire-and-forget like core NATS: a failed send loses this signal only.
      sending = sending.then(() => sql.notify(channel, payload)).catch(() => {});
    },
    async close(): Promise<void> {
      await sending;
      await unlisten();
    },
  };
}
