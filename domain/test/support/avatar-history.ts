import type { AvatarCommand } from '../../src/avatar/avatar.commands.ts';
import { avatarDecider } from '../../src/avatar/avatar.decider.ts';
import type { AvatarEvent, MaterialExtraction, MaterialFile, VoiceConsent } from '../../src/avatar/avatar.events.ts';
import { commandsFor, worker } from './commands.ts';
import { spec } from './decider-spec.ts';
import { AVATAR, id, OWNER, sha } from './ids.ts';

export const avatarSpec = spec(avatarDecider);
export const avatarCommand = commandsFor<AvatarCommand>();
export const asWorker = { actor: worker };

export const MATERIAL = id(21);
export const CHAT_EXPORT = id(22);
export const RECORDING = id(23);
export const RUN = id(41);
export const NEXT_RUN = id(42);
export const SAMPLE = id(51);

export const created: AvatarEvent = { type: 'AvatarCreated', data: { avatarId: AVATAR, ownerId: OWNER, name: 'Anna' } };
export const deleted: AvatarEvent = { type: 'AvatarDeleted', data: {} };

export function materialFile(materialId = MATERIAL, overrides: Partial<MaterialFile> = {}): MaterialFile {
  const n = Number.parseInt(materialId.slice(-4), 10);
  return {
    materialId,
    fileName: `lecture-${n}.txt`,
    mediaType: 'text/plain',
    kind: 'text',
    sizeBytes: 1000,
    sha256: sha(n),
    blobKey: `materials/${materialId}`,
    ...overrides,
  };
}

export function extraction(materialId = MATERIAL, overrides: Partial<MaterialExtraction> = {}): MaterialExtraction {
  return {
    materialId,
    textBlobKey: `texts/${materialId}.txt`,
    segmentsBlobKey: null,
    charCount: 1200,
    durationSec: null,
    language: 'ru',
    participants: [],
    preview: 'Good morning, colleagues.',
    chat: null,
    media: null,
    notes: [],
    ...overrides,
  };
}

export const uploaded = (file: MaterialFile): AvatarEvent => ({ type: 'MaterialUploaded', data: file });
export const extracting = (materialId: string): AvatarEvent => ({
  type: 'MaterialExtractionStarted',
  data: { materialId },
});
export const extracted = (data: MaterialExtraction): AvatarEvent => ({ type: 'MaterialExtracted', data });
export const removed = (materialId: string): AvatarEvent => ({ type: 'MaterialRemoved', data: { materialId } });

/** Uploaded, extracted, ready to train on. */
export function readyMaterial(file = materialFile(), result = extraction(file.materialId)): AvatarEvent[] {
  return [uploaded(file), extracting(file.materialId), extracted(result)];
}

export const chatExportFile = materialFile(CHAT_EXPORT, {
  fileName: 'result.json',
  mediaType: 'application/json',
  kind: 'chatExport',
});
export const readyChatExport = readyMaterial(
  chatExportFile,
  extraction(CHAT_EXPORT, { participants: ['Anna', 'Boris'], preview: 'Anna: hi' }),
);
export const participantChosen: AvatarEvent = {
  type: 'ChatParticipantChosen',
  data: { materialId: CHAT_EXPORT, participants: ['Anna'] },
};

export const recordingFile = materialFile(RECORDING, { fileName: 'talk.mp3', mediaType: 'audio/mpeg', kind: 'audio' });
export const readyRecording = readyMaterial(
  recordingFile,
  extraction(RECORDING, { durationSec: 600, segmentsBlobKey: `segments/${RECORDING}.json` }),
);

export const consent: VoiceConsent = {
  basis: 'self',
  personName: 'Anna Petrova',
  consentGivenOn: '2025-02-28',
  statement: 'I am Anna and I agree that my voice is cloned for this avatar.',
};
export const consentRecorded: AvatarEvent = { type: 'VoiceConsentRecorded', data: consent };

export const trainingStarted = (runId = RUN, materialIds = [MATERIAL]): AvatarEvent => ({
  type: 'TrainingStarted',
  data: { runId, settings: {}, materialIds },
});
export const trainingCompleted = (runId = RUN, personaVersion = 1): AvatarEvent => ({
  type: 'TrainingCompleted',
  data: { runId, personaVersion, snapshotKey: `snapshots/${runId}`, stats: { pairs: 10 } },
});

/** An avatar with one ready text material. */
export const readyToTrain: AvatarEvent[] = [created, ...readyMaterial()];
/** An avatar whose run RUN is in progress on MATERIAL. */
export const training: AvatarEvent[] = [...readyToTrain, trainingStarted()];
/** An avatar with persona version 1 from RUN, active. */
export const trainedOnce: AvatarEvent[] = [...training, trainingCompleted()];
