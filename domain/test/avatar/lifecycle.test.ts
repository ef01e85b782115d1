import { describe, it } from 'node:test';
import type { AvatarCommand } from '../../src/avatar/avatar.commands.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  consent,
  created,
  deleted,
  extraction,
  MATERIAL,
  materialFile,
  RUN,
  SAMPLE,
} from '../support/avatar-history.ts';

/** One well-formed command of every type but CreateAvatar. */
const everyLaterCommand: AvatarCommand[] = [
  avatarCommand('RenameAvatar', { name: 'Anna' }),
  avatarCommand('EditPersonaCard', {
    description: 'x',
    personality: null,
    scenario: null,
    instructions: null,
    gender: null,
    languages: [],
  }),
  avatarCommand('UploadMaterial', materialFile()),
  avatarCommand('StartMaterialExtraction', { materialId: MATERIAL }, asWorker),
  avatarCommand('RecordMaterialExtraction', extraction(), asWorker),
  avatarCommand('FailMaterialExtraction', { materialId: MATERIAL, reasonCode: 'CORRUPT', reason: 'Broken.' }, asWorker),
  avatarCommand('RemoveMaterial', { materialId: MATERIAL }),
  avatarCommand('ChooseChatParticipant', { materialId: MATERIAL, participants: ['Anna'] }),
  avatarCommand('RecordVoiceConsent', consent),
  avatarCommand('SubmitVoiceSample', {
    sampleId: SAMPLE,
    blobKey: 'samples/a',
    source: { kind: 'upload', fileName: 'me.wav' },
  }),
  avatarCommand(
    'AcceptVoiceSample',
    { sampleId: SAMPLE, durationSec: 10, loudnessLufs: -20, speakerConsistency: 0.9 },
    asWorker,
  ),
  avatarCommand('RejectVoiceSample', { sampleId: SAMPLE, reasonCode: 'TOO_SHORT', reason: 'Too short.' }, asWorker),
  avatarCommand('StartTraining', { runId: RUN, settings: {} }),
  avatarCommand('RecordTrainingProgress', { runId: RUN, stage: 'cleaning', percent: 10 }, asWorker),
  avatarCommand('CompleteTraining', { runId: RUN, snapshotKey: 'snapshots/a', stats: {} }, asWorker),
  avatarCommand('FailTraining', { runId: RUN, reasonCode: 'NO_TEXT', reason: 'No text.' }, asWorker),
  avatarCommand('StopTraining', { runId: RUN }),
  avatarCommand('RecordAvatarTest', { runId: RUN, report: {} }, asWorker),
  avatarCommand('ActivatePersonaVersion', { personaVersion: 1 }),
  avatarCommand('DeleteAvatar', { confirmName: 'Anna' }),
];

describe('avatar lifecycle', () => {
  describe('before the avatar exists', () => {
    for (const command of everyLaterCommand) {
      it(`rejects ${command.type} as not found`, () => {
        avatarSpec
          .given([])
          .when(command)
          .thenThrows('BISHOP_ERR_NOT_FOUND', /avatar does not exist/);
      });
    }
  });

  describe('when deleted', () => {
    for (const command of everyLaterCommand) {
      it(`rejects ${command.type}`, () => {
        avatarSpec
          .given([created, deleted])
          .when(command)
          .thenThrows('BISHOP_ERR_DELETED', /avatar was deleted/);
      });
    }
  });
});
