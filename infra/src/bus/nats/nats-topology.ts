import type { ConsumerOptions } from '@bishop/domain/ports';
import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  type JetStreamManager,
  nanos,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from 'nats';
import type { ServerFeatures } from './server-version.ts';

export interface StreamSpec {
  readonly name: string;
  readonly subjects: string;
  readonly duplicateWindowMs: number;
}

/** JetStream's "not found" (stream or consumer), as opposed to a failure to ask. */
export function isNotFound(error: unknown): boolean {
  return (error as { api_error?: { code?: number } })?.api_error?.code === 404;
}

/** Creates the stream, or brings subjects and duplicate window in line; keeps its messages. */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  const wanted: Partial<StreamConfig> = {
    subjects: [spec.subjects],
    duplicate_window: nanos(spec.duplicateWindowMs),
  };
  try {
    const { config } = await jsm.streams.info(spec.name);
    if (config.subjects.join() !== spec.subjects || config.duplicate_window !== wanted.duplicate_window) {
      await jsm.streams.update(spec.name, { ...config, ...wanted });
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
    // Retention by limits without limits: messages stay, so the relay can always read its last one.
    await jsm.streams
      .add({ name: spec.name, storage: StorageType.File, retention: RetentionPolicy.Limits, ...wanted })
      .catch(async (addError) => {
        // Another process created it in the meantime: fine if it exists now.
        await jsm.streams.info(spec.name).catch(() => Promise.reject(addError));
      });
  }
}

/**
 * The consumer's filter, server-side where the server can: a server before
 * 2.10 takes one filter only, so several filters become "the whole stream"
 * and the caller filters on the client (see `filtersOnClient`).
 */
export function consumerFilter(
  subjects: readonly string[],
  features: ServerFeatures,
): Pick<ConsumerConfig, 'filter_subject' | 'filter_subjects'> {
  if (subjects.length === 1) return { filter_subject: subjects[0] as string };
  return features.multipleFilters ? { filter_subjects: [...subjects] } : {};
}

export function filtersOnClient(subjects: readonly string[], features: ServerFeatures): boolean {
  return subjects.length > 1 && !features.multipleFilters;
}

/** Creates the durable pull consumer, or updates its config while keeping its position. */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  options: ConsumerOptions,
  features: ServerFeatures,
): Promise<void> {
  const wanted: Partial<ConsumerConfig> = {
    ack_wait: nanos(options.ackWaitMs),
    max_deliver: options.maxDeliver,
    max_ack_pending: options.maxAckPending,
    ...consumerFilter(options.subjects, features),
  };
  try {
    const { config } = await jsm.consumers.info(stream, options.durable);
    const differs = (Object.keys(wanted) as (keyof ConsumerConfig)[]).some(
      (key) => JSON.stringify(config[key]) !== JSON.stringify(wanted[key]),
    );
    if (differs) await jsm.consumers.update(stream, options.durable, wanted);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...wanted,
    });
  }
}
