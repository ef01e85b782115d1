import { readFile } from 'node:fs/promises';
import { materialBlobKey, type VoiceSampleSource } from '@bishop/domain';
import type { BlobStore, Bus, RecordedEvent } from '@bishop/domain/ports';
import { type AudioTools, checkVoiceSample, cutAudio } from '../audio/index.ts';
import { loadSpeakerEmbedder, loadVad, type ModelSettings } from '../models/index.ts';
import type { Job } from '../runtime/index.ts';
import {
  failureOf,
  jobCommandMetadata,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '../runtime/index.ts';
import { withBlobAsFile } from './blob-files.ts';
import { asPermanentFailure } from './job-failure-mapping.ts';

export interface VoiceCheckWorkerOptions {
  readonly bus: Bus;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  readonly models: ModelSettings;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly audioTools?: AudioTools;
  readonly logger?: WorkerLogger;
}

const SERVICE = 'voice-check';

interface SubmittedSample {
  readonly sampleId: string;
  readonly blobKey: string;
  readonly source: VoiceSampleSource;
}

/**
 * On VoiceSampleSubmitted: cuts the sample out of a recording when it was
 * chosen that way, measures it (length, loudness, clipping, silence, one
 * speaker) and accepts it with its figures or rejects it with the reasons.
 */
export function startVoiceCheckWorker(options: VoiceCheckWorkerOptions): RunningWorker {
  const { commands, blobs } = options;
  const tools = options.audioTools ? { tools: options.audioTools } : {};
  const target = (job: Job<'VoiceSampleSubmitted'>) => ({
    avatarId: job.streamId,
    sample: job.data,
  });

  /** A sample picked from an uploaded recording is cut into its own blob first. */
  async function ensureSampleBlob(avatarId: string, sample: SubmittedSample): Promise<void> {
    if (sample.source.kind !== 'material') return;
    const { materialId, startSec, endSec } = sample.source;
    await withBlobAsFile(blobs, materialBlobKey(avatarId, materialId), async (recording) => {
      const output = `${recording}.wav`;
      await cutAudio(recording, output, { startSec, endSec, ...tools });
      await blobs.put(sample.blobKey, await readFile(output), { contentType: 'audio/wav' });
    });
  }

  return runWorker({
    bus: options.bus,
    durable: 'worker-voice-check',
    on: ['VoiceSampleSubmitted'],
    concurrency: 1,
    ackWaitMs: 60_000,
    maxDeliver: 3,
    decrypt: options.decrypt,
    ...(options.logger ? { logger: options.logger } : {}),
    async handle(job, { signal }) {
      const { avatarId, sample } = target(job);
      const [vad, speaker] = await Promise.all([loadVad(options.models), loadSpeakerEmbedder(options.models)]);
      const check = await (async () => {
        await ensureSampleBlob(avatarId, sample);
        return withBlobAsFile(blobs, sample.blobKey, (path) =>
          checkVoiceSample(path, { vad, speaker, signal, ...tools }),
        );
      })().catch(asPermanentFailure);
      const metadata = jobCommandMetadata(job, 'verdict', SERVICE);
      if (check.verdict === 'ok') {
        await commands.avatar(avatarId, {
          type: 'AcceptVoiceSample',
          data: {
            sampleId: sample.sampleId,
            durationSec: check.figures.durationSec,
            loudnessLufs: check.figures.loudnessLufs,
            speakerConsistency: check.figures.speakerConsistency,
          },
          metadata,
        });
      } else {
        await commands.avatar(avatarId, {
          type: 'RejectVoiceSample',
          data: {
            sampleId: sample.sampleId,
            reasonCode: 'SAMPLE_UNFIT',
            reason: check.reasons.join(' '),
            // What was measured, so the person sees how far off the sample is.
            measured: {
              durationSec: check.figures.durationSec,
              loudnessLufs: Number.isFinite(check.figures.loudnessLufs) ? check.figures.loudnessLufs : null,
              speakerConsistency: check.figures.speakerConsistency,
            },
          },
          metadata,
        });
      }
    },
    async onGiveUp(job, error) {
      const { avatarId, sample } = target(job);
      await commands.avatar(avatarId, {
        type: 'RejectVoiceSample',
        data: { sampleId: sample.sampleId, ...failureOf(error, 3) },
        metadata: jobCommandMetadata(job, 'verdict', SERVICE),
      });
    },
  });
}
