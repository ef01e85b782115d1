import type { CommandBus } from '@bishop/commands';
import type { ReadinessCheck } from '@bishop/gateways';
import {
  type ReplySettings,
  type RunningWorker,
  replyEngines,
  startDubWorker,
  startExtractWorker,
  startReplyWorker,
  startTestWorker,
  startTrainWorker,
  startVoiceCheckWorker,
  startVoicePreviewWorker,
  sweepOrphanedJobFiles,
} from '@bishop/ml-workers';
import { type AudioTools, audioTools } from '@bishop/ml-workers/audio';
import {
  capabilities,
  checkModels,
  type ModelSettings,
  missingModelReason,
  modelSettings,
} from '@bishop/ml-workers/models';
import { checkHttpTts, createTtsEngines, type TtsEngines, ttsLanguages } from '@bishop/ml-workers/tts';
import type { Logger } from 'pino';
import type { BishopConfig } from '../../config/config.ts';
import type { Stores } from '../stores.ts';
import { startShredder } from './shredder.ts';

type WorkerStarter = (shared: SharedWorkerOptions, stores: Stores, logger: Logger) => RunningWorker;

/** Every worker kind and how to start it; `bishop worker <kind>` runs one of them. Add new kinds here. */
const workerStarters = {
  extract: (shared, stores, logger) => startExtractWorker({ ...shared, eventStore: stores.eventStore, logger }),
  'voice-check': (shared, _stores, logger) => startVoiceCheckWorker({ ...shared, logger }),
  train: ({ trainConcurrency, ...shared }, stores, logger) =>
    startTrainWorker({ ...shared, eventStore: stores.eventStore, concurrency: trainConcurrency, logger }),
  // Spoken replies, and previews of a sample's voice through the same engines.
  dub: (shared, stores, logger) =>
    bothWorkers(
      startDubWorker({ ...shared, eventStore: stores.eventStore, logger }),
      startVoicePreviewWorker({ ...shared, eventStore: stores.eventStore, logger }),
    ),
  reply: (shared, stores, logger) => startReplyWorker({ ...shared, eventStore: stores.eventStore, logger }),
  // The avatar test after each training run: replies to held-out messages and dubs, scored against the person.
  test: (shared, stores, logger) => startTestWorker({ ...shared, eventStore: stores.eventStore, logger }),
  shred: (shared, stores, logger) =>
    startShredder({ ...shared, keyStore: stores.keyStore, rawEventStore: stores.rawEventStore, logger }),
} satisfies Record<string, WorkerStarter>;

/** Two consumers run as one worker kind: stopped together, running jobs summed. */
function bothWorkers(first: RunningWorker, second: RunningWorker): RunningWorker {
  return {
    stop: async () => {
      await Promise.all([first.stop(), second.stop()]);
    },
    get running() {
      return first.running + second.running;
    },
  };
}

export type WorkerKind = keyof typeof workerStarters;
export const workerKinds = Object.keys(workerStarters) as WorkerKind[];

interface SharedWorkerOptions {
  readonly bus: Stores['bus'];
  readonly commands: CommandBus;
  readonly blobs: Stores['blobs'];
  readonly models: ModelSettings;
  readonly audioTools: AudioTools;
  readonly decrypt: Stores['personalData']['unseal'];
  readonly tts: TtsEngines;
  readonly espeakProgram: string;
  /** Training runs one process builds at once (BISHOP_TRAIN_CONCURRENCY). */
  readonly trainConcurrency: number;
  /** Reply mode, LLM endpoint and generation limits (BISHOP_REPLY_* / BISHOP_LLM_*). */
  readonly replies: ReplySettings;
}

/** Starts ML workers (all kinds in `bishop start`, one in `bishop worker <kind>`). */
export function startWorkers(
  config: BishopConfig,
  stores: Stores,
  commands: CommandBus,
  logger: Logger,
  kinds: readonly WorkerKind[] = workerKinds,
) {
  const models = modelSettings(config.modelsDir);
  const tools = audioTools();
  const tts = createTtsEngines({ models, ...config.tts, audioTools: tools });
  const shared: SharedWorkerOptions = {
    bus: stores.bus,
    commands,
    blobs: stores.blobs,
    models,
    audioTools: tools,
    decrypt: stores.personalData.unseal,
    tts,
    espeakProgram: config.tts.espeakProgram,
    trainConcurrency: config.trainConcurrency,
    replies: config.replies,
  };
  // Files a killed worker could not remove (decrypted recordings, spilled chats); only gone processes' folders,
  // never a running job's, so jobs need not wait for it.
  void sweepOrphanedJobFiles().then(
    (removed) => removed > 0 && logger.info({ removed }, 'removed the job files of workers that are gone'),
    (error: unknown) => logger.warn({ err: error }, 'could not sweep the job files of workers that are gone'),
  );
  const running = kinds.map((kind) => workerStarters[kind](shared, stores, logger.child({ worker: kind })));
  // /readyz names each ML capability, so the UI can say e.g. "voice synthesis is not installed".
  const capabilityChecks: ReadinessCheck[] = capabilities.map((capability) => ({
    name: `model:${capability}`,
    optional: true,
    check: async () => {
      const [status] = await checkModels(models, [capability]);
      if (status && !status.ready) throw new Error(missingModelReason(status));
    },
  }));
  // /readyz says which voice speaks each language (and whether it clones), or why none can.
  const voiceChecks: ReadinessCheck[] = ttsLanguages.map((language) => ({
    name: `voice:${language}`,
    optional: true,
    check: async () => {
      const choice = await tts.forLanguage(language);
      if (!choice.tts) throw new Error(choice.reason);
      const { engine, model, clones } = choice.tts.describe();
      if (engine === 'http' && config.tts.http) await checkHttpTts(config.tts.http);
      return `${engine} (${model}); ${clones ? 'clones the voice sample when consent is recorded' : 'generic voice, no cloning'}`;
    },
  }));
  // /readyz says which reply mode answers (an LLM, or the person's own past replies when none is installed).
  const replyCheck: ReadinessCheck = {
    name: 'replies',
    optional: true,
    check: () => replyEngines(config.replies, models).describe(),
  };
  return {
    capabilityChecks: [...capabilityChecks, ...voiceChecks, replyCheck],
    async stop() {
      await Promise.all(running.map((worker) => worker.stop()));
    },
  };
}
