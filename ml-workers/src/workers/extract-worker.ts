import { isDomainError } from '@bishop/domain';
import type { Job } from '../runtime/index.ts';
import { failureOf, jobCommandMetadata, PermanentJobError, type RunningWorker, runWorker } from '../runtime/index.ts';
import { probeFailedRecording } from './decoded-media.ts';
import { extractMaterial } from './extract-material.ts';
import { asPermanentFailure } from './job-failure-mapping.ts';
import { type SpeakerTagWorkerOptions, startSpeakerTagWorker } from './speaker-tag-worker.ts';
import { storeExtraction } from './store-extraction.ts';
import { startVoiceMessageWorker } from './voice-message-worker.ts';

export interface ExtractWorkerOptions extends SpeakerTagWorkerOptions {
  readonly concurrency?: number;
}

const SERVICE = 'extract';

/**
 * On MaterialUploaded: MaterialExtractionStarted → text (+ timed segments)
 * stored as blobs → MaterialExtracted; or MaterialExtractionFailed with a
 * reason a person understands. Every command id derives from the job, so a
 * redelivered job never records twice.
 */
export function startExtractWorker(options: ExtractWorkerOptions): RunningWorker {
  // Recordings are tagged by speaker after transcription, and again whenever the voice sample changes.
  // Voice messages in chats go through the same VAD → Whisper path as recordings.
  const workers = [extractMaterials(options), startSpeakerTagWorker(options), startVoiceMessageWorker(options)];
  return {
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
    get running() {
      return workers.reduce((sum, worker) => sum + worker.running, 0);
    },
  };
}

function extractMaterials(options: ExtractWorkerOptions): RunningWorker {
  const { commands, blobs } = options;
  const target = (job: Job<'MaterialUploaded'>) => {
    const avatarId = job.streamId;
    return { avatarId, material: job.data };
  };

  return runWorker({
    bus: options.bus,
    durable: 'worker-extract',
    on: ['MaterialUploaded'],
    concurrency: options.concurrency ?? 1,
    // Transcribing a lecture takes long: the runtime heartbeats, so ack wait only bounds a dead worker.
    ackWaitMs: 60_000,
    maxDeliver: 3,
    decrypt: options.decrypt,
    ...(options.logger ? { logger: options.logger } : {}),
    async handle(job, { working, signal }) {
      const { avatarId, material } = target(job);
      try {
        await commands.avatar(avatarId, {
          type: 'StartMaterialExtraction',
          data: { materialId: material.materialId },
          metadata: jobCommandMetadata(job, 'start', SERVICE),
        });
      } catch (error) {
        // The avatar was deleted meanwhile: there is nothing left to extract for.
        if (isDomainError(error) && (error.code === 'BISHOP_ERR_DELETED' || error.code === 'BISHOP_ERR_NOT_FOUND'))
          return;
        throw error;
      }
      const extracted = await extractMaterial(material, {
        blobs,
        avatarId,
        models: options.models,
        signal,
        onProgress: () => working(),
        ...(options.audioTools ? { audioTools: options.audioTools } : {}),
      }).catch(asPermanentFailure);
      // A chat's lines are never empty: extraction fails first.
      if (typeof extracted.text === 'string' && extracted.text.trim() === '') {
        const recording = material.kind === 'audio' || material.kind === 'video';
        throw new PermanentJobError(
          recording
            ? { reasonCode: 'NO_SPEECH', reason: 'No speech was found in the recording' }
            : { reasonCode: 'EMPTY', reason: 'The file contains no text' },
        );
      }
      const stored = await storeExtraction(blobs, { avatarId, materialId: material.materialId }, extracted);
      await commands.avatar(avatarId, {
        type: 'RecordMaterialExtraction',
        data: {
          materialId: material.materialId,
          textBlobKey: stored.textBlobKey,
          segmentsBlobKey: stored.segmentsBlobKey,
          charCount: stored.charCount,
          durationSec: extracted.durationSec,
          language: extracted.language,
          participants: [...extracted.participants],
          preview: stored.preview,
          chat: extracted.chatFacts,
          media: extracted.media,
          notes: [...extracted.notes],
        },
        metadata: jobCommandMetadata(job, 'record', SERVICE),
      });
    },
    async onGiveUp(job, error) {
      const { avatarId, material } = target(job);
      // Whether the recording decoded at all tells "no speech" from "not audio": shown beside the reason.
      const media = await probeFailedRecording(material, blobs, options.audioTools);
      await commands.avatar(avatarId, {
        type: 'FailMaterialExtraction',
        data: { materialId: material.materialId, ...failureOf(error, 3), media },
        metadata: jobCommandMetadata(job, 'fail', SERVICE),
      });
    },
  });
}
