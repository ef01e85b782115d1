import { describe, it } from 'node:test';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import type { TrainingStage } from '../../src/avatar/avatar.values.ts';
import type { JsonObject } from '../../src/kernel/json.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  CHAT_EXPORT,
  created,
  deleted,
  extracting,
  MATERIAL,
  materialFile,
  NEXT_RUN,
  participantChosen,
  RECORDING,
  RUN,
  readyChatExport,
  readyRecording,
  readyToTrain,
  recordingFile,
  removed,
  trainedOnce,
  training,
  trainingCompleted,
  trainingStarted,
  uploaded,
} from '../support/avatar-history.ts';
import { id } from '../support/ids.ts';

const start = (settings: JsonObject = { epochs: 1 }, runId = RUN) =>
  avatarCommand('StartTraining', { runId, settings });
const progress = (stage: TrainingStage, percent = 10, runId = RUN) =>
  avatarCommand('RecordTrainingProgress', { runId, stage, percent }, asWorker);
const progressed = (stage: TrainingStage, percent = 10): AvatarEvent => ({
  type: 'TrainingProgressed',
  data: { runId: RUN, stage, percent },
});
const complete = (runId = RUN, stats: JsonObject = { pairs: 10 }) =>
  avatarCommand('CompleteTraining', { runId, snapshotKey: `snapshots/${runId}`, stats }, asWorker);
const failure = { reasonCode: 'NO_OWN_WORDS', reason: 'None of the materials contains words of the person.' };
const fail = (runId = RUN) => avatarCommand('FailTraining', { runId, ...failure }, asWorker);
const failed: AvatarEvent = { type: 'TrainingFailed', data: { runId: RUN, ...failure } };
const stop = (runId = RUN) => avatarCommand('StopTraining', { runId });
const stopped: AvatarEvent = { type: 'TrainingStopped', data: { runId: RUN } };

describe('training', () => {
  describe('when idle', () => {
    it('starts a run on the materials that are ready', () => {
      const other = id(24);
      avatarSpec
        .given([
          ...readyToTrain,
          ...readyRecording,
          uploaded(materialFile(other)),
          extracting(other),
          ...readyChatExport,
          participantChosen,
          removed(RECORDING),
        ])
        .when(start())
        .then([
          {
            type: 'TrainingStarted',
            data: { runId: RUN, settings: { epochs: 1 }, materialIds: [MATERIAL, CHAT_EXPORT] },
          },
        ]);
    });

    it('rejects a start without any ready material', () => {
      avatarSpec
        .given([created, uploaded(recordingFile)])
        .when(start())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /at least one material/);
    });

    it('rejects a start while a chat export has no chosen participant', () => {
      avatarSpec
        .given([...readyToTrain, ...readyChatExport])
        .when(start())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /Choose which participant of "result\.json"/);
    });

    it('rejects a run id used before', () => {
      avatarSpec.given(trainedOnce).when(start()).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('rejects settings that are not JSON', () => {
      avatarSpec
        .given(readyToTrain)
        .when(start({ rate: Number.NaN }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /not finite/);
    });

    it('rejects settings with an undefined value', () => {
      avatarSpec
        .given(readyToTrain)
        .when(start({ rate: undefined } as unknown as JsonObject))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /not JSON/);
    });

    it('rejects settings over 16 KiB', () => {
      avatarSpec
        .given(readyToTrain)
        .when(start({ notes: 'x'.repeat(17_000) }))
        .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED');
    });

    it('rejects a bad run id', () => {
      avatarSpec.given(readyToTrain).when(start({}, 'run-1')).thenThrows('BISHOP_ERR_INVALID_ID');
    });

    it('rejects progress when no run is in progress', () => {
      avatarSpec.given(readyToTrain).when(progress('cleaning')).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects stopping when no run is in progress', () => {
      avatarSpec
        .given(readyToTrain)
        .when(stop())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /not the run in progress/);
    });
  });

  describe('when training', () => {
    it('rejects a second run', () => {
      avatarSpec.given(training).when(start({}, NEXT_RUN)).thenThrows('BISHOP_ERR_TRAINING_RUNNING');
    });

    it('records the first stage', () => {
      avatarSpec
        .given(training)
        .when(progress('collecting', 0))
        .then([progressed('collecting', 0)]);
    });

    it('records a change of stage', () => {
      avatarSpec
        .given([...training, progressed('collecting')])
        .when(progress('embedding', 40))
        .then([progressed('embedding', 40)]);
    });

    it('ignores more progress within the same stage', () => {
      avatarSpec
        .given([...training, progressed('embedding')])
        .when(progress('embedding', 55))
        .then([]);
    });

    it('ignores a late report of an earlier stage', () => {
      avatarSpec
        .given([...training, progressed('embedding')])
        .when(progress('cleaning', 20))
        .then([]);
    });

    it('rejects a percentage over 100', () => {
      avatarSpec.given(training).when(progress('testing', 101)).thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects an unknown stage', () => {
      avatarSpec
        .given(training)
        .when(progress('dreaming' as TrainingStage))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects progress of another run', () => {
      avatarSpec
        .given(training)
        .when(progress('cleaning', 10, NEXT_RUN))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('completes the run as persona version 1', () => {
      avatarSpec.given(training).when(complete()).then([trainingCompleted()]);
    });

    it('numbers the next completed run as version 2', () => {
      avatarSpec
        .given([...trainedOnce, trainingStarted(NEXT_RUN)])
        .when(complete(NEXT_RUN))
        .then([trainingCompleted(NEXT_RUN, 2)]);
    });

    it('rejects completing another run', () => {
      avatarSpec.given(training).when(complete(NEXT_RUN)).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects stats that are not a JSON object', () => {
      avatarSpec
        .given(training)
        .when(complete(RUN, [] as unknown as JsonObject))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /JSON object/);
    });

    it('rejects a snapshot key that is not a storage key', () => {
      avatarSpec
        .given(training)
        .when(avatarCommand('CompleteTraining', { runId: RUN, snapshotKey: '', stats: {} }, asWorker))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('records a failure with its reason', () => {
      avatarSpec.given(training).when(fail()).then([failed]);
    });

    it('rejects a failure without a reason', () => {
      avatarSpec
        .given(training)
        .when(avatarCommand('FailTraining', { runId: RUN, reasonCode: 'X', reason: ' ' }, asWorker))
        .thenThrows('BISHOP_ERR_TEXT_REQUIRED');
    });

    it('stops the run', () => {
      avatarSpec.given(training).when(stop()).then([stopped]);
    });

    it('rejects stopping another run', () => {
      avatarSpec.given(training).when(stop(NEXT_RUN)).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('accepts new material, which waits for the next run', () => {
      const file = materialFile(id(25));
      avatarSpec
        .given(training)
        .when(avatarCommand('UploadMaterial', file))
        .then([{ type: 'MaterialUploaded', data: file }]);
    });

    it('rejects removing a material of the run', () => {
      avatarSpec
        .given(training)
        .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
        .thenThrows('BISHOP_ERR_TRAINING_RUNNING');
    });
  });

  describe('when the run ended', () => {
    it('ignores the same completion delivered again', () => {
      avatarSpec.given(trainedOnce).when(complete()).then([]);
    });

    it('rejects a different completion of the completed run', () => {
      avatarSpec
        .given(trainedOnce)
        .when(complete(RUN, { pairs: 11 }))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already completed/);
    });

    it('ignores the same failure delivered again', () => {
      avatarSpec
        .given([...training, failed])
        .when(fail())
        .then([]);
    });

    it('rejects completing a failed run', () => {
      avatarSpec
        .given([...training, failed])
        .when(complete())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already failed/);
    });

    it('ignores stopping a stopped run again', () => {
      avatarSpec
        .given([...training, stopped])
        .when(stop())
        .then([]);
    });

    it('rejects progress of a stopped run, which tells the worker to quit', () => {
      avatarSpec
        .given([...training, stopped])
        .when(progress('cleaning'))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /was stopped/);
    });

    it('rejects failing a stopped run', () => {
      avatarSpec
        .given([...training, stopped])
        .when(fail())
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects stopping a completed run', () => {
      avatarSpec
        .given(trainedOnce)
        .when(stop())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already completed/);
    });

    it('starts the next run', () => {
      avatarSpec
        .given([...training, stopped])
        .when(start({}, NEXT_RUN))
        .then([{ type: 'TrainingStarted', data: { runId: NEXT_RUN, settings: {}, materialIds: [MATERIAL] } }]);
    });

    it('removes a material once its run has ended', () => {
      avatarSpec
        .given(trainedOnce)
        .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
        .then([removed(MATERIAL)]);
    });
  });

  describe('when deleted mid-run', () => {
    it('rejects the completion', () => {
      avatarSpec
        .given([...training, deleted])
        .when(complete())
        .thenThrows('BISHOP_ERR_DELETED');
    });
  });
});
