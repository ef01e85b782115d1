import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals, validJsonObject } from '../kernel/json.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validBlobKey } from '../kernel/storage.ts';
import type {
  CompleteTraining,
  FailTraining,
  RecordTrainingProgress,
  StartTraining,
  StopTraining,
} from './avatar.commands.ts';
import type {
  TrainingCompleted,
  TrainingFailed,
  TrainingProgressed,
  TrainingStarted,
  TrainingStopped,
} from './avatar.events.ts';
import { avatarLimits } from './avatar.limits.ts';
import type { FinishedRun, LiveAvatar, TrainingAvatar } from './avatar.state.ts';
import { trainingStages } from './avatar.values.ts';

export function startTraining({ data }: StartTraining, avatar: LiveAvatar): TrainingStarted[] {
  const runId = validId(data.runId, 'Run id');
  const settings = validJsonObject(data.settings, {
    field: 'Training settings',
    maxLength: avatarLimits.trainingSettingsMaxLength,
  });
  if (avatar.status === 'training') {
    throw new DomainError('BISHOP_ERR_TRAINING_RUNNING', 'This avatar is already training; wait or stop that run', {
      runId: avatar.run.runId,
    });
  }
  if (avatar.finishedRuns.has(runId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A training run with this id already exists', { runId });
  }
  const ready = [...avatar.materials.values()].filter((material) => material.status === 'ready');
  if (ready.length === 0) {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'Add at least one material and wait until it is ready to train');
  }
  // Without a chosen participant nobody knows whose words in the chat are the person's.
  const undecided = ready.find((material) => material.kind === 'chatExport' && material.participants.length === 0);
  if (undecided !== undefined) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      `Choose which participant of "${undecided.fileName}" is the person before training`,
      { materialId: undecided.materialId },
    );
  }
  const materialIds = ready.map((material) => material.materialId);
  return [{ type: 'TrainingStarted', data: { runId, settings, materialIds } }];
}

export function recordTrainingProgress({ data }: RecordTrainingProgress, avatar: LiveAvatar): TrainingProgressed[] {
  const { run } = runningRun(avatar, data.runId, 'record progress');
  const stage = validChoice(data.stage, trainingStages, 'Training stage');
  const percent = validNumber(data.percent, { field: 'Training progress', min: 0, max: 100, unit: 'percent' });
  // Only stage changes are history; a repeated or late (earlier) stage from a redelivered report is dropped.
  if (run.stage !== null && trainingStages.indexOf(stage) <= trainingStages.indexOf(run.stage)) return [];
  return [{ type: 'TrainingProgressed', data: { runId: run.runId, stage, percent } }];
}

export function completeTraining({ data }: CompleteTraining, avatar: LiveAvatar): TrainingCompleted[] {
  const snapshotKey = validBlobKey(data.snapshotKey, 'Snapshot key');
  const stats = validJsonObject(data.stats, {
    field: 'Training stats',
    maxLength: avatarLimits.trainingStatsMaxLength,
    computed: true,
  });
  const finished = avatar.finishedRuns.get(data.runId);
  if (finished?.status === 'completed' && finished.snapshotKey === snapshotKey && jsonEquals(finished.stats, stats)) {
    return [];
  }
  const { run } = runningRun(avatar, data.runId, 'complete');
  const personaVersion = avatar.personaVersions.size + 1;
  return [{ type: 'TrainingCompleted', data: { runId: run.runId, personaVersion, snapshotKey, stats } }];
}

export function failTraining({ data }: FailTraining, avatar: LiveAvatar): TrainingFailed[] {
  const failure = validFailure(data);
  const finished = avatar.finishedRuns.get(data.runId);
  if (
    finished?.status === 'failed' &&
    finished.reasonCode === failure.reasonCode &&
    finished.reason === failure.reason
  ) {
    return [];
  }
  const { run } = runningRun(avatar, data.runId, 'fail');
  return [{ type: 'TrainingFailed', data: { runId: run.runId, ...failure } }];
}

export function stopTraining({ data }: StopTraining, avatar: LiveAvatar): TrainingStopped[] {
  if (avatar.finishedRuns.get(data.runId)?.status === 'stopped') return [];
  const { run } = runningRun(avatar, data.runId, 'stop');
  return [{ type: 'TrainingStopped', data: { runId: run.runId } }];
}

function runningRun(avatar: LiveAvatar, runId: string, action: string): TrainingAvatar {
  validId(runId, 'Run id');
  if (avatar.status === 'training' && avatar.run.runId === runId) return avatar;
  const finished = avatar.finishedRuns.get(runId);
  if (finished === undefined) {
    const message = `Cannot ${action} this training run: it is not the run in progress`;
    throw new DomainError('BISHOP_ERR_INVALID_STATE', message, { runId });
  }
  throw new DomainError('BISHOP_ERR_INVALID_STATE', `Cannot ${action} this training run: it ${runEnding(finished)}`, {
    runId,
    status: finished.status,
  });
}

function runEnding(run: FinishedRun): string {
  if (run.status === 'completed') return 'has already completed';
  return run.status === 'failed' ? 'has already failed' : 'was stopped';
}
