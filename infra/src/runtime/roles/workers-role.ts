import type { CommandBus } from '@bishop/commands';
import type { ReadinessCheck } from '@bishop/gateways';
import { startExtractWorker, startVoiceCheckWorker } from '@bishop/ml-workers';
import { audioTools } from '@bishop/ml-workers/audio';
import { capabilities, checkModels, modelSettings } from '@bishop/ml-workers/models';
import type { Logger } from 'pino';
import type { BishopConfig } from '../../config/config.ts';
import type { Stores } from '../stores.ts';

export const workerKinds = ['extract', 'voice-check'] as const;
export type WorkerKind = (typeof workerKinds)[number];

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
  const shared = {
    bus: stores.bus,
    commands,
    blobs: stores.blobs,
    models,
    audioTools: tools,
    decrypt: stores.personalData.unseal,
  };
  const running = kinds.map((kind) =>
    kind === 'extract'
      ? startExtractWorker({ ...shared, eventStore: stores.eventStore, logger: logger.child({ worker: kind }) })
      : startVoiceCheckWorker({ ...shared, logger: logger.child({ worker: kind }) }),
  );
  // /readyz names each ML capability, so the UI can say e.g. "voice synthesis is not installed".
  const capabilityChecks: ReadinessCheck[] = capabilities.map((capability) => ({
    name: `model:${capability}`,
    optional: true,
    check: async () => {
      const [status] = await checkModels(models, [capability]);
      if (!status?.ready) throw new Error(`${status?.model} is not installed in ${status?.directory}`);
    },
  }));
  return {
    capabilityChecks,
    async stop() {
      await Promise.all(running.map((worker) => worker.stop()));
    },
  };
}
