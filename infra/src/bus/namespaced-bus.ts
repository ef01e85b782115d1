import type { Bus, BusMessage, Signal } from '@bishop/domain/ports';
import { validSubject } from './subjects.ts';

/**
 * A Bus whose subjects all live under `<namespace>.`: what the rest of Bishop
 * calls `bishop.avatar.MaterialUploaded` travels as
 * `<namespace>.bishop.avatar.MaterialUploaded`, and comes back without the
 * prefix. Several Bishop installs (or test runs) can then share one NATS
 * server, whose streams must not overlap in subjects. The inner bus must
 * store `<namespace>.>` (its subject root is the namespace).
 */
export function createNamespacedBus(inner: Bus, namespace: string): Bus {
  const prefix = `${validSubject(namespace)}.`;
  const outer = (subject: string) => prefix + subject;
  const inner2outer = (subject: string) => (subject.startsWith(prefix) ? subject.slice(prefix.length) : subject);

  return {
    ensureTopology: () => inner.ensureTopology(),
    publish: (subject, data, options) => inner.publish(outer(subject), data, options),
    consume(options) {
      const consumer = inner.consume({ ...options, subjects: options.subjects.map(outer) });
      return {
        async *[Symbol.asyncIterator](): AsyncGenerator<BusMessage> {
          for await (const message of consumer) {
            // Keep the methods (ack, nak…) bound to the original message.
            yield Object.assign(Object.create(message) as BusMessage, { subject: inner2outer(message.subject) });
          }
        },
        close: () => consumer.close(),
      };
    },
    lastMessageHeaders: () => inner.lastMessageHeaders(),
    signal: (subject, data) => inner.signal(outer(subject), data),
    listen(filter) {
      const listener = inner.listen(outer(filter));
      return {
        async *[Symbol.asyncIterator](): AsyncGenerator<Signal> {
          for await (const signal of listener) yield { subject: inner2outer(signal.subject), data: signal.data };
        },
        close: () => listener.close(),
      };
    },
    close: () => inner.close(),
  };
}
