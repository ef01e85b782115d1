import type { TrainingStatus } from '$lib/graphql/generated/graphql.ts';
import type { MessageKey } from '$lib/i18n/messages.en.ts';

export const statusLabel: Record<TrainingStatus, MessageKey> = {
  RUNNING: 'training.status.running',
  COMPLETED: 'training.status.completed',
  FAILED: 'training.status.failed',
  STOPPED: 'training.status.stopped',
};

export const statusTone: Record<TrainingStatus, 'info' | 'success' | 'danger' | 'neutral'> = {
  RUNNING: 'info',
  COMPLETED: 'success',
  FAILED: 'danger',
  STOPPED: 'neutral',
};

const stages: Record<string, MessageKey> = {
  collecting: 'training.stage.collecting',
  cleaning: 'training.stage.cleaning',
  pairing: 'training.stage.pairing',
  embedding: 'training.stage.embedding',
  indexing: 'training.stage.indexing',
  profiling: 'training.stage.profiling',
  snapshotting: 'training.stage.snapshotting',
  testing: 'training.stage.testing',
};

export function stageLabel(stage: string | null): MessageKey {
  return (stage && stages[stage]) || 'training.stage.starting';
}
