import type { BusMessage } from '@bishop/domain/ports';
import type { JsMsg, MsgHdrs } from 'nats';

/** Our headers only: JetStream's own (`Nats-Msg-Id`, `Nats-Expected-*`, …) are not the publisher's. */
export function ownHeaders(headers: MsgHdrs | undefined): Record<string, string> {
  const own: Record<string, string> = {};
  for (const key of headers?.keys() ?? []) {
    if (!key.toLowerCase().startsWith('nats-')) own[key] = headers?.get(key) ?? '';
  }
  return own;
}

export interface MessageContext {
  /** Only when the server understands `+TERM <reason>`. */
  readonly termReasons: boolean;
  readonly connectionClosed: () => boolean;
}

/** A JetStream message in the port's terms. */
export function toBusMessage(message: JsMsg, context: MessageContext): BusMessage {
  return {
    subject: message.subject,
    data: message.data,
    msgId: message.headers?.get('Nats-Msg-Id') ?? '',
    headers: ownHeaders(message.headers),
    deliveryCount: message.info.redeliveryCount,
    seq: message.seq,
    async ack() {
      // Fail at once rather than wait for a confirmation that cannot come.
      if (context.connectionClosed()) throw new Error('Cannot ack: the NATS connection is closed');
      // ackAck waits for the server's confirmation, so a resolved ack is a recorded one.
      await message.ackAck();
    },
    nak: (delayMs) => quietly(() => message.nak(delayMs && delayMs > 0 ? delayMs : undefined)),
    // Servers before 2.11 ignore a `+TERM` that carries a reason, and would redeliver.
    term: (reason) => quietly(() => message.term(context.termReasons ? reason : undefined)),
    working: () => quietly(() => message.working()),
  };
}

/**
 * nak/term/working are fire-and-forget in the port. One that cannot be sent
 * (connection closed) leaves the message unacked, so JetStream redelivers it
 * after its ack wait: at-least-once still holds.
 */
function quietly(send: () => void): void {
  try {
    send();
  } catch {}
}
