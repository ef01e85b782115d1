import { type AvatarTestProgressSignal, avatarTestReportJson, isDomainError, type JsonObject } from '@bishop/domain';
import type { BlobStore, Bus, EventStore, RecordedEvent } from '@bishop/domain/ports';
import { liveChannels, sendLive } from '@bishop/domain/ports';
import type { AudioTools } from '../audio/index.ts';
import { ModelMissingError, type ModelSettings } from '../models/index.ts';
import { loadPersonaEmbedder, type PersonaEmbedder } from '../persona/index.ts';
import { type ReplySettings, replyEngines } from '../replies/index.ts';
import type { Job } from '../runtime/index.ts';
import {
  failureOf,
  jobCommandMetadata,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '../runtime/index.ts';
import type { TtsEngines } from '../tts/index.ts';
import { avatarUnderTest } from './avatar-under-test.ts';
import { failedAvatarTestReport } from './failed-report.ts';
import { runAvatarTest } from './run-avatar-test.ts';
import { testLlm } from './test-llm.ts';

export interface TestWorkerOptions {
  readonly bus: Bus;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  /** The decrypting event store: the run, the previous version and the voice sample are read from the avatar stream. */
  readonly eventStore: EventStore;
  readonly models: ModelSettings;
  /** The reply path's settings: the test replies as the avatar would (LLM or retrieval). */
  readonly replies: ReplySettings;
  readonly tts: TtsEngines;
  readonly espeakProgram: string;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly audioTools?: AudioTools;
  /** Held-out pairs scored at most per run. */
  readonly maxPairs?: number;
  readonly logger?: WorkerLogger;
}

const SERVICE = 'test';
const MAX_DELIVER = 3;

/**
 * On TrainingCompleted: tests the new persona version against the person's
 * real replies to held-out messages (and its dubs against the voice sample)
 * and records the report with RecordAvatarTest (AvatarTested). The test's
 * start is an event (AvatarTestStarted) and its percent a live signal, so a
 * running test shows as running. A test that keeps failing records a report
 * that says why, never nothing.
 */
type TestJob = Job<'TrainingCompleted'>;

export function startTestWorker(options: TestWorkerOptions): RunningWorker {
  const { commands, logger } = options;
  const engines = replyEngines(options.replies, options.models);
  const target = (job: TestJob) => ({
    avatarId: job.streamId,
    runId: job.data.runId,
    personaVersion: job.data.personaVersion,
  });

  async function embedder(): Promise<PersonaEmbedder | null> {
    try {
      return await loadPersonaEmbedder(options.models);
    } catch (error) {
      if (error instanceof ModelMissingError) return null;
      throw error;
    }
  }

  async function send(
    job: TestJob,
    command:
      | { type: 'StartAvatarTest'; data: { runId: string } }
      | { type: 'RecordAvatarTest'; data: { runId: string; report: JsonObject } },
    step: string,
  ): Promise<void> {
    try {
      await commands.avatar(target(job).avatarId, { ...command, metadata: jobCommandMetadata(job, step, SERVICE) });
    } catch (error) {
      // Deleted meanwhile: there is nothing left to report on.
      if (isDomainError(error) && ['BISHOP_ERR_DELETED', 'BISHOP_ERR_NOT_FOUND'].includes(error.code)) return;
      throw error;
    }
  }
  const record = (job: TestJob, report: JsonObject) =>
    send(job, { type: 'RecordAvatarTest', data: { runId: target(job).runId, report } }, 'test');

  function progressOf(ownerId: string, avatarId: string, runId: string) {
    return (step: AvatarTestProgressSignal['step'], percent: number) => {
      const live: AvatarTestProgressSignal = { ownerId, avatarId, runId, step, percent };
      sendLive(options.bus, liveChannels.testProgress, live);
    };
  }

  return runWorker({
    bus: options.bus,
    durable: 'worker-test',
    on: ['TrainingCompleted'],
    // Tests are CPU-heavy (replies, embeddings, dubs); one at a time leaves the cores to replies and training.
    concurrency: 1,
    ackWaitMs: 120_000,
    maxDeliver: MAX_DELIVER,
    decrypt: options.decrypt,
    ...(logger ? { logger } : {}),
    async handle(job, { signal, working }) {
      const { avatarId, runId } = target(job);
      const subject = await avatarUnderTest(options.eventStore, avatarId, runId, job.revision);
      if (subject.status === 'skip') {
        logger?.info({ avatarId, runId, why: subject.why }, 'avatar test skipped');
        return;
      }
      await send(job, { type: 'StartAvatarTest', data: { runId } }, 'test-started');
      const report = await runAvatarTest(subject, {
        blobs: options.blobs,
        models: options.models,
        embedder: await embedder(),
        llm: await testLlm(options.replies, options.models, engines.current),
        replyTimeoutMs: options.replies.timeoutMs,
        tts: options.tts,
        espeakProgram: options.espeakProgram,
        signal,
        working,
        ...(options.audioTools ? { audioTools: options.audioTools } : {}),
        ...(options.maxPairs !== undefined ? { maxPairs: options.maxPairs } : {}),
        progress: progressOf(subject.ownerId, avatarId, runId),
      });
      await record(job, avatarTestReportJson(report));
      logger?.info(
        { avatarId, runId, verdict: report.verdict, worse: report.worse, durationMs: report.durationMs },
        'avatar tested',
      );
    },
    async onGiveUp(job, error) {
      const { avatarId, runId, personaVersion } = target(job);
      const subject = await avatarUnderTest(options.eventStore, avatarId, runId, job.revision);
      if (subject.status === 'skip') return;
      const { reason } = failureOf(error, MAX_DELIVER);
      await record(job, avatarTestReportJson(failedAvatarTestReport(runId, personaVersion, reason)));
    },
  });
}
