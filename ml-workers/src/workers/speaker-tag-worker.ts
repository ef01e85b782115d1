import {
  avatarDecider,
  avatarStream,
  isDomainError,
  type LiveAvatar,
  type Material,
  speakerSegmentsBlobKey,
} from '@bishop/domain';
import { aggregateOf, type BlobStore, type Bus, type EventStore, type RecordedEvent } from '@bishop/domain/ports';
import type { AudioTools } from '../audio/index.ts';
import type { ModelSettings } from '../models/index.ts';
import type { Job } from '../runtime/index.ts';
import {
  failureOf,
  isPermanentFailure,
  jobCommandMetadata,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '../runtime/index.ts';
import { asPermanentFailure } from './job-failure-mapping.ts';
import { voiceSampleEmbedding } from './person-voice.ts';
import { tagRecording } from './tag-recording.ts';

export interface SpeakerTagWorkerOptions {
  readonly bus: Bus;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  /** The decrypting event store: the avatar's materials and accepted sample. */
  readonly eventStore: EventStore;
  readonly models: ModelSettings;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly audioTools?: AudioTools;
  readonly logger?: WorkerLogger;
}

const SERVICE = 'tag-speakers';
type ReadyRecording = Extract<Material, { status: 'ready' }>;

/**
 * Keeps every recording tagged against the avatar's accepted voice sample:
 * on MaterialExtracted the new recording, on VoiceSampleSet or VoiceSampleActivated
 * every recording not yet tagged against that sample (those uploaded before it included). Each
 * result is RecordSpeakerTags or FailSpeakerTagging for one recording.
 */
/** A recording newly extracted, or a new sample in use: tag what is not yet tagged against it. */
const tagJobs = ['MaterialExtracted', 'VoiceSampleSet', 'VoiceSampleActivated'] as const;

export function startSpeakerTagWorker(options: SpeakerTagWorkerOptions): RunningWorker {
  const { commands, blobs } = options;
  const io = { blobs, models: options.models, ...(options.audioTools ? { audioTools: options.audioTools } : {}) };

  async function due(job: Job<(typeof tagJobs)[number]>) {
    const avatarId = job.streamId;
    const avatar = await currentAvatar(options.eventStore, avatarId);
    const sampleId = avatar?.voice.activeSampleId ?? null;
    if (!avatar || sampleId === null) return { avatarId, sampleId: '', recordings: [] };
    const sampleJob = job.type === 'VoiceSampleSet' || job.type === 'VoiceSampleActivated';
    // A job for a sample not (or no longer) in use leaves the work to the job of the one in use.
    if (sampleJob && job.data.sampleId !== sampleId) return { avatarId, sampleId, recordings: [] };
    const recordings = [...avatar.materials.values()].filter(
      (material): material is ReadyRecording =>
        isReadyRecording(material) &&
        (sampleJob || material.materialId === job.data.materialId) &&
        !(material.speakers?.status === 'tagged' && material.speakers.sampleId === sampleId),
    );
    return { avatarId, sampleId, recordings };
  }

  const send = async (avatarId: string, command: Parameters<WorkerCommands['avatar']>[1]) => {
    try {
      await commands.avatar(avatarId, command);
    } catch (error) {
      // The avatar was deleted meanwhile: nothing is left to tag.
      if (isDomainError(error) && (error.code === 'BISHOP_ERR_DELETED' || error.code === 'BISHOP_ERR_NOT_FOUND'))
        return;
      throw error;
    }
  };

  return runWorker({
    bus: options.bus,
    durable: 'worker-tag-speakers',
    on: tagJobs,
    concurrency: 1,
    ackWaitMs: 60_000,
    maxDeliver: 3,
    decrypt: options.decrypt,
    ...(options.logger ? { logger: options.logger } : {}),
    async handle(job, { working, signal }) {
      const { avatarId, sampleId, recordings } = await due(job);
      if (recordings.length === 0) return;
      const embedding = await voiceSampleEmbedding(avatarId, sampleId, io).catch(asPermanentFailure);
      for (const material of recordings) {
        working();
        const metadata = (step: string) =>
          jobCommandMetadata(job, `${step}:${material.materialId}:${sampleId}`, SERVICE);
        try {
          const tagged = await tagRecording(material, { sampleId, embedding }, { ...io, signal }).catch(
            asPermanentFailure,
          );
          const segmentsBlobKey = speakerSegmentsBlobKey(avatarId, material.materialId, sampleId);
          await blobs.put(segmentsBlobKey, new TextEncoder().encode(JSON.stringify(tagged.document)), {
            contentType: 'application/json',
          });
          const { threshold, personSpeechSec, otherSpeechSec } = tagged;
          await send(avatarId, {
            type: 'RecordSpeakerTags',
            data: {
              materialId: material.materialId,
              sampleId,
              segmentsBlobKey,
              threshold,
              personSpeechSec,
              otherSpeechSec,
            },
            metadata: metadata('tagged'),
          });
        } catch (error) {
          // One unreadable recording does not hold up the others.
          if (!isPermanentFailure(error)) throw error;
          await send(avatarId, {
            type: 'FailSpeakerTagging',
            data: { materialId: material.materialId, sampleId, ...failureOf(error, 1) },
            metadata: metadata('failed'),
          });
        }
      }
    },
    async onGiveUp(job, error) {
      const { avatarId, sampleId, recordings } = await due(job);
      for (const material of recordings) {
        await send(avatarId, {
          type: 'FailSpeakerTagging',
          data: { materialId: material.materialId, sampleId, ...failureOf(error, 3) },
          metadata: jobCommandMetadata(job, `failed:${material.materialId}:${sampleId}`, SERVICE),
        });
      }
    },
  });
}

function isReadyRecording(material: Material): material is ReadyRecording {
  return material.status === 'ready' && (material.kind === 'audio' || material.kind === 'video');
}

async function currentAvatar(eventStore: EventStore, avatarId: string): Promise<LiveAvatar | null> {
  const { state } = await aggregateOf(eventStore, avatarStream(avatarId), avatarDecider);
  return state.status === 'idle' || state.status === 'training' ? state : null;
}
