import { avatarBlobPrefix, avatarStream, isDomainError, parseStreamName, userStream } from '@bishop/domain';
import type { BlobStore, Bus, EventStore, KeyStore, RecordedEvent } from '@bishop/domain/ports';
import {
  jobCommandMetadata,
  RunAgainLater,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '@bishop/ml-workers';

export interface ShredderOptions {
  readonly bus: Bus;
  readonly keyStore: KeyStore;
  readonly blobs: BlobStore;
  /** The store as written: finding a deleted account's avatars needs only their (unencrypted) owner ids. */
  readonly rawEventStore: EventStore;
  readonly commands: WorkerCommands;
  readonly logger?: WorkerLogger;
  /** How long after the first sweep the second one runs (default 2 minutes). */
  readonly sweepAgainAfterMs?: number;
}

/**
 * Crypto-shredding, on AvatarDeleted: destroys the avatar's data key — every
 * personal field of its events and its chats' events becomes unreadable for
 * good, in the store, in the bus and in any replay — and deletes all of its
 * blobs (materials, extracted texts, voice samples, persona snapshots, dubs).
 *
 * On AccountDeleted: deletes every avatar the account owns (each then
 * shredded as above) and destroys the account's own data key (email, name,
 * password and token hashes).
 *
 * It sweeps an avatar's blobs twice: a job that was already running for the avatar
 * (an extraction, a dub) may write a blob after the first sweep and only then
 * find its command refused. The job asks to run again (RunAgainLater) two
 * minutes on, well past such jobs' ack wait, for the second sweep; both are idempotent.
 */
export function startShredder(options: ShredderOptions): RunningWorker {
  const sweepAgainAfterMs = options.sweepAgainAfterMs ?? 120_000;

  async function deleteAccount(job: RecordedEvent): Promise<void> {
    const userId = avatarOf(job.streamName);
    for await (const avatarId of avatarsOwnedBy(options.rawEventStore, userId)) {
      try {
        await options.commands.avatar(avatarId, {
          type: 'DeleteAvatar',
          data: {},
          metadata: jobCommandMetadata(job, `delete-avatar-${avatarId}`, 'shred'),
        });
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'BISHOP_ERR_DELETED')) throw error;
      }
    }
    await options.keyStore.destroyDataKey(userStream(userId));
    options.logger?.info({ userId }, 'account shredded');
  }
  return runWorker({
    bus: options.bus,
    durable: 'worker-shred',
    subjects: ['bishop.avatar.AvatarDeleted', 'bishop.user.AccountDeleted'],
    concurrency: 2,
    ackWaitMs: 60_000,
    maxDeliver: 10,
    ...(options.logger ? { logger: options.logger } : {}),
    isPermanent: () => false,
    async handle(job, { deliveryCount }) {
      if (job.type === 'AccountDeleted') return deleteAccount(job);
      const avatarId = avatarOf(job.streamName);
      await options.keyStore.destroyDataKey(avatarStream(avatarId));
      const removed = await options.blobs.deletePrefix(avatarBlobPrefix(avatarId));
      options.logger?.info({ avatarId, blobsRemoved: removed, sweep: deliveryCount }, 'avatar data shredded');
      if (deliveryCount === 1) {
        throw new RunAgainLater('first sweep done; the second runs after late writers', sweepAgainAfterMs);
      }
    },
    async onGiveUp(job, error) {
      // Nothing to record in the avatar's history: the deletion is already there. Say it loudly instead.
      options.logger?.error({ err: error, avatarId: avatarOf(job.streamName) }, 'shredding an avatar kept failing');
    },
  });
}

/** Every avatar ever created by the user, from the log itself (read models may lag behind). */
async function* avatarsOwnedBy(store: EventStore, userId: string): AsyncGenerator<string> {
  let fromPosition: bigint | undefined;
  for (;;) {
    const page = await store.readAll({
      ...(fromPosition === undefined ? {} : { fromPosition }),
      filter: { eventTypes: ['AvatarCreated'] },
      maxCount: 1000,
    });
    for (const event of page) {
      if (event.data.ownerId === userId) yield avatarOf(event.streamName);
    }
    if (page.length < 1000) return;
    fromPosition = page.at(-1)?.position;
  }
}

const avatarOf = (streamName: string) => parseStreamName(streamName)?.id ?? '';
