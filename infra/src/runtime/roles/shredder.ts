import {
  avatarBlobPrefix,
  avatarStream,
  chatBlobPrefix,
  chatStream,
  isDomainError,
  isValidId,
  materialBlobPrefixes,
  parseStreamName,
  userStream,
} from '@bishop/domain';
import {
  type BlobStore,
  type Bus,
  type EventStore,
  type KeyStore,
  liveChannels,
  type RecordedEvent,
  sendLive,
} from '@bishop/domain/ports';
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
 * On ChatDeleted: deletes the chat's files (voice messages, dubs).
 *
 * On AccountDeleted: deletes every avatar the account owns (each then
 * shredded as above) and destroys the account's own data key (email, name,
 * password and token hashes).
 *
 * On MaterialRemoved: deletes the material's file and what was derived from it
 * alone (extracted text, segments, training passages and vectors); persona
 * versions already built from it stay as they were (they are history).
 *
 * It sweeps an avatar's (or a material's) blobs twice: a job that was already running for the avatar
 * (an extraction, a dub) may write a blob after the first sweep and only then
 * find its command refused. The job asks to run again (RunAgainLater) two
 * minutes on, well past such jobs' ack wait, for the second sweep; both are idempotent.
 */
export function startShredder(options: ShredderOptions): RunningWorker {
  const sweepAgainAfterMs = options.sweepAgainAfterMs ?? 120_000;

  /** A removed material's file and everything derived from it alone (text, segments, passages, vectors). */
  async function removeMaterialBlobs(avatarId: string, materialId: string, sweep: number): Promise<void> {
    if (!isValidId(materialId)) return;
    let removed = 0;
    for (const prefix of materialBlobPrefixes(avatarId, materialId))
      removed += await options.blobs.deletePrefix(prefix);
    options.logger?.info({ avatarId, materialId, blobsRemoved: removed, sweep }, 'removed material deleted');
  }

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
  /** A deleted chat's recordings (voice messages, call turns) and dubs go with it; its texts are erased by the projector. */
  async function deleteChatFiles(job: RecordedEvent): Promise<void> {
    const chatId = avatarOf(job.streamName);
    const [opened] = await options.rawEventStore.readStream(chatStream(chatId), { maxCount: 1 });
    const avatarId = opened?.data.avatarId;
    if (typeof avatarId !== 'string') return;
    const removed = await options.blobs.deletePrefix(chatBlobPrefix(avatarId, chatId));
    options.logger?.info({ chatId, blobsRemoved: removed }, 'chat files deleted');
  }

  return runWorker({
    bus: options.bus,
    durable: 'worker-shred',
    on: ['AvatarDeleted', 'AccountDeleted', 'MaterialRemoved', 'ChatDeleted'],
    concurrency: 2,
    ackWaitMs: 60_000,
    maxDeliver: 10,
    ...(options.logger ? { logger: options.logger } : {}),
    isPermanent: () => false,
    async handle(job, { deliveryCount }) {
      if (job.type === 'AccountDeleted') return deleteAccount(job);
      if (job.type === 'ChatDeleted') return deleteChatFiles(job);
      const avatarId = avatarOf(job.streamName);
      if (job.type === 'MaterialRemoved') {
        await removeMaterialBlobs(avatarId, String(job.data.materialId ?? ''), deliveryCount);
      } else {
        await options.keyStore.destroyDataKey(avatarStream(avatarId));
        const removed = await options.blobs.deletePrefix(avatarBlobPrefix(avatarId));
        // Every process drops what it holds of the avatar in memory.
        sendLive(options.bus, liveChannels.forgetAvatar, { avatarId });
        options.logger?.info({ avatarId, blobsRemoved: removed, sweep: deliveryCount }, 'avatar data shredded');
      }
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
