import { type Bus, type Consumer, UnroutableSubjectError } from '@bishop/domain/ports';
import { connect, Events, type NatsConnection, headers as natsHeaders } from 'nats';
import { BusDefaults } from '../bus-defaults.ts';
import { validConsumerOptions } from '../consumer-options.ts';
import { subjectMatcher, validFilter, validSubject } from '../subjects.ts';
import { createNatsConsumer, type NatsConsumerDeps } from './nats-consumer.ts';
import { ownHeaders } from './nats-message.ts';
import { ensureStream, isNotFound } from './nats-topology.ts';
import { serverFeatures } from './server-version.ts';

export interface NatsBusOptions {
  /** e.g. `nats://127.0.0.1:4222`, or several for a cluster. */
  readonly servers: string | readonly string[];
  /** JetStream stream name (default `BISHOP`). */
  readonly streamName?: string;
  /** The stream stores `<subjectRoot>.>` (default `bishop`). */
  readonly subjectRoot?: string;
  /** A msgId published again within this window is dropped (default 10 minutes). */
  readonly duplicateWindowMs?: number;
}

export interface NatsBus extends Bus {
  /** Deletes the stream with its messages and consumers (test teardown, `bishop` admin). */
  deleteTopology(): Promise<void>;
}

/** The Bus on NATS: JetStream for durable messages, core NATS for signals. */
export async function createNatsBus(options: NatsBusOptions): Promise<NatsBus> {
  const stream = options.streamName ?? 'BISHOP';
  const root = validSubject(options.subjectRoot ?? BusDefaults.subjectRoot);
  const streamSubjects = `${root}.>`;
  const inStream = subjectMatcher(streamSubjects);
  // Signals travel outside the stream's subjects, so JetStream never stores them.
  const signalPrefix = `${root}-signals.`;
  const servers = typeof options.servers === 'string' ? [options.servers] : [...options.servers];
  const nc = await connect({ servers, name: 'bishop', maxReconnectAttempts: -1, reconnectTimeWait: 500 }).catch(
    (error) => {
      throw new Error(`Cannot connect to NATS at ${servers.join(', ')}: ${(error as Error).message}`, { cause: error });
    },
  );
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const features = serverFeatures(nc.info?.version);
  const consumers = new Set<Consumer>();
  const openPulls: NatsConsumerDeps['openPulls'] = new Set();
  void dropPullsOnReconnect(nc, openPulls);

  return {
    ensureTopology: () =>
      ensureStream(jsm, {
        name: stream,
        subjects: streamSubjects,
        duplicateWindowMs: options.duplicateWindowMs ?? BusDefaults.duplicateWindowMs,
      }),

    async publish(subject, data, publishOptions) {
      if (!inStream(validSubject(subject))) throw new UnroutableSubjectError(subject, streamSubjects);
      const h = natsHeaders();
      for (const [key, value] of Object.entries(publishOptions.headers ?? {})) h.set(key, value);
      try {
        const ack = await js.publish(subject, data, { msgID: publishOptions.msgId, headers: h });
        return { seq: ack.seq, duplicate: ack.duplicate };
      } catch (error) {
        if ((error as { code?: string }).code !== '503') throw error;
        throw new Error(`The bus stream ${stream} does not exist or JetStream is down: call ensureTopology()`, {
          cause: error,
        });
      }
    },

    consume(consumerOptions) {
      const consumer = createNatsConsumer(validConsumerOptions(consumerOptions), {
        js,
        jsm,
        stream,
        features,
        openPulls,
        connectionClosed: () => nc.isClosed(),
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

    async lastMessageHeaders() {
      const { state } = await jsm.streams.info(stream);
      // Walk back over messages deleted from the stream, if any.
      for (let seq = state.last_seq; seq >= Math.max(state.first_seq, 1); seq--) {
        try {
          return ownHeaders((await jsm.streams.getMessage(stream, { seq })).header);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      return null;
    },

    signal(subject, data) {
      nc.publish(signalPrefix + validSubject(subject), data);
    },

    listen(filter) {
      const subscription = nc.subscribe(signalPrefix + validFilter(filter));
      return {
        async *[Symbol.asyncIterator]() {
          for await (const message of subscription) {
            yield { subject: message.subject.slice(signalPrefix.length), data: message.data };
          }
        },
        async close() {
          subscription.unsubscribe();
        },
      };
    },

    async deleteTopology() {
      await jsm.streams.delete(stream).catch((error) => {
        if (!isNotFound(error)) throw error;
      });
    },

    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      // A pull left open by a closed consumer would hold the process until it expires.
      await Promise.all([...openPulls].map((pull) => pull.close()));
      await nc.close();
    },
  };
}

/** Pulls sent before a reconnect died with the old connection: drop them so consumers ask again at once. */
async function dropPullsOnReconnect(nc: NatsConnection, openPulls: NatsConsumerDeps['openPulls']): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === Events.Reconnect) for (const pull of openPulls) void pull.close();
  }
}
