import { isDomainError, type TrainingProgressSignal } from '@bishop/domain';
import type { BlobStore, Bus, EventStore, RecordedEvent } from '@bishop/domain/ports';
import { liveChannels, sendLive } from '@bishop/domain/ports';
import { ModelMissingError, type ModelSettings } from '../models/index.ts';
import { loadPersonaEmbedder, type PersonaEmbedder } from '../persona/index.ts';
import type { Job } from '../runtime/index.ts';
import {
  failureOf,
  jobCommandMetadata,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '../runtime/index.ts';
import { buildPersonaVersion } from './build-persona-version.ts';
import { runCheckpoint } from './run-checkpoint.ts';
import { RunEnded } from './run-ended.ts';
import { type TrainerStage, trainingProgress } from './training-progress.ts';
import { watchTrainingRun } from './training-run.ts';
import { trainingSettingsOf } from './training-settings.ts';

export interface TrainWorkerOptions {
  readonly bus: Bus;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  /** The decrypting event store: the run, its materials and the persona card are read from the avatar stream. */
  readonly eventStore: EventStore;
  readonly models: ModelSettings;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  /** Runs trained at once by this process (different avatars; one avatar has one run at a time). */
  readonly concurrency?: number;
  /** A worker that stops heartbeating (killed) has its run handed to another after this long. */
  readonly ackWaitMs?: number;
  /** Attempts before the run fails; a run interrupted this many times fails too. */
  readonly maxDeliver?: number;
  /** How often the avatar stream is re-read for a stop, between batches. */
  readonly stopCheckMs?: number;
  /** How long stop() lets running runs finish before handing them back to the bus (default 30 s). */
  readonly drainTimeoutMs?: number;
  readonly logger?: WorkerLogger;
}

const SERVICE = 'train';

/**
 * On TrainingStarted: builds the persona version (collecting → … →
 * snapshotting), reporting each stage as an event and percent/ETA as live
 * signals, and ends the run with CompleteTraining, or FailTraining with a
 * reason. A stop (TrainingStopped) is noticed between batches and the run is
 * let go without completing.
 */
export function startTrainWorker(options: TrainWorkerOptions): RunningWorker {
  const { commands, blobs, eventStore, bus } = options;
  const maxDeliver = options.maxDeliver ?? 3;
  const logger = options.logger;
  const target = (job: Job<'TrainingStarted'>) => ({
    avatarId: job.streamId,
    runId: job.data.runId,
  });

  async function embedder(): Promise<PersonaEmbedder | null> {
    try {
      return await loadPersonaEmbedder(options.models);
    } catch (error) {
      if (error instanceof ModelMissingError) return null;
      throw error;
    }
  }

  /** Sends a command of the run; a refusal because the run ended meanwhile means the run is over, not failed. */
  async function runCommand(
    avatarId: string,
    command: Parameters<WorkerCommands['avatar']>[1],
    runStatus: () => Promise<string>,
  ) {
    try {
      await commands.avatar(avatarId, command);
    } catch (error) {
      if (
        isDomainError(error) &&
        ['BISHOP_ERR_INVALID_STATE', 'BISHOP_ERR_DELETED', 'BISHOP_ERR_NOT_FOUND'].includes(error.code)
      ) {
        const status = await runStatus();
        if (status !== 'running') throw new RunEnded(status as never);
      }
      throw error;
    }
  }

  return runWorker({
    bus,
    durable: 'worker-train',
    on: ['TrainingStarted'],
    concurrency: options.concurrency ?? 2,
    ackWaitMs: options.ackWaitMs ?? 30_000,
    maxDeliver,
    ...(options.drainTimeoutMs !== undefined ? { drainTimeoutMs: options.drainTimeoutMs } : {}),
    decrypt: options.decrypt,
    ...(logger ? { logger } : {}),
    async handle(job, { signal }) {
      const { avatarId, runId } = target(job);
      const watch = watchTrainingRun(eventStore, avatarId, runId);
      const run = await watch.refresh();
      if (run.status !== 'running') return;
      const settings = trainingSettingsOf(job.data.settings as never);
      const status = async () => (await watch.refresh()).status;
      const progress = trainingProgress({
        stageStarted: (stage: TrainerStage, percent: number) =>
          runCommand(
            avatarId,
            {
              type: 'RecordTrainingProgress',
              data: { runId, stage, percent },
              metadata: jobCommandMetadata(job, `stage:${stage}`, SERVICE),
            },
            status,
          ),
        progressed: (stage: TrainerStage, percent: number, etaSeconds: number | null) => {
          const live: TrainingProgressSignal = { ownerId: run.ownerId, avatarId, runId, stage, percent, etaSeconds };
          sendLive(bus, liveChannels.trainingProgress, live);
        },
      });
      const checkpoint = runCheckpoint(watch.refresh, { everyMs: options.stopCheckMs ?? 1000, signal });
      try {
        const built = await buildPersonaVersion(
          { runId, builtAt: job.metadata.occurredAt, run, settings },
          { blobs, embedder, progress, checkpoint: () => checkpoint().then(() => {}) },
        );
        // A stop that came while the snapshot was written still wins: the run must not complete after it.
        await checkpoint(true);
        await runCommand(
          avatarId,
          {
            type: 'CompleteTraining',
            data: { runId, snapshotKey: built.snapshotKey, stats: built.stats },
            metadata: jobCommandMetadata(job, 'complete', SERVICE),
          },
          status,
        );
      } catch (error) {
        if (error instanceof RunEnded) {
          logger?.info({ avatarId, runId, status: error.status }, 'training run ended while it ran; let go');
          return;
        }
        throw error;
      }
    },
    async onGiveUp(job, error) {
      const { avatarId, runId } = target(job);
      const run = await watchTrainingRun(eventStore, avatarId, runId).refresh();
      // Stopped, completed or deleted meanwhile: there is no running run left to fail.
      if (run.status !== 'running') return;
      await commands.avatar(avatarId, {
        type: 'FailTraining',
        data: { runId, ...failureOf(error, maxDeliver) },
        metadata: jobCommandMetadata(job, 'fail', SERVICE),
      });
    },
  });
}
