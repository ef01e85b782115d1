import { avatarBlobPrefix, avatarStream, parseStreamName } from '@bishop/domain';
import type { BlobStore, Bus, KeyStore } from '@bishop/domain/ports';
import { type RunningWorker, runWorker, type WorkerLogger } from '@bishop/ml-workers';

export interface ShredderOptions {
  readonly bus: Bus;
  readonly keyStore: KeyStore;
  readonly blobs: BlobStore;
  readonly logger?: WorkerLogger;
  /** How long after the first sweep the second one runs (default 2 minutes). */
  readonly sweepAgainAfterMs?: number;
}

/** Thrown after the first sweep so the bus hands the job back later for the second one. */
class SweepAgainLater extends Error {
  override readonly name = 'SweepAgainLater';
}

/**
 * Crypto-shredding, on AvatarDeleted: destroys the avatar's data key — every
 * personal field of its events and its chats' events becomes unreadable for
 * good, in the store, in the bus and in any replay — and deletes all of its
 * blobs (materials, extracted texts, voice samples, persona snapshots, dubs).
 *
 * It sweeps the blobs twice: a job that was already running for the avatar
 * (an extraction, a dub) may write a blob after the first sweep and only then
 * find its command refused. The bus redelivers the job after the backoff, well
 * past such jobs' ack wait, for the second sweep; both are idempotent.
 */
export function startShredder(options: ShredderOptions): RunningWorker {
  const avatarOf = (streamName: string) => parseStreamName(streamName)?.id ?? '';
  const sweepAgainAfterMs = options.sweepAgainAfterMs ?? 120_000;
  return runWorker({
    bus: options.bus,
    durable: 'worker-shred',
    subjects: ['bishop.avatar.AvatarDeleted'],
    concurrency: 2,
    ackWaitMs: 60_000,
    maxDeliver: 10,
    backoff: { initialMs: sweepAgainAfterMs, maxMs: 10 * sweepAgainAfterMs },
    ...(options.logger ? { logger: options.logger } : {}),
    isPermanent: () => false,
    async handle(job, { deliveryCount }) {
      const avatarId = avatarOf(job.streamName);
      await options.keyStore.destroyDataKey(avatarStream(avatarId));
      const removed = await options.blobs.deletePrefix(avatarBlobPrefix(avatarId));
      options.logger?.info({ avatarId, blobsRemoved: removed, sweep: deliveryCount }, 'avatar data shredded');
      if (deliveryCount === 1) throw new SweepAgainLater('first sweep done; the second runs after late writers');
    },
    async onGiveUp(job, error) {
      // Nothing to record in the avatar's history: the deletion is already there. Say it loudly instead.
      options.logger?.error({ err: error, avatarId: avatarOf(job.streamName) }, 'shredding an avatar kept failing');
    },
  });
}
