import type { AvatarEvent, EventOfType, JsonObject } from '@bishop/domain';
import { blindTestScoreId } from '../blind-tests/blind-test.changes.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';

export type ChildTable =
  | 'materials'
  | 'voice_samples'
  | 'training_runs'
  | 'voice_consents'
  | 'avatar_test_reports'
  | 'blind_test_invites'
  | 'blind_test_scores';
/** The child tables an event may update: those whose row id its data carries (a consent's is the avatar's). */
type ChildTableOf<Data> =
  | ('materialId' extends keyof Data ? 'materials' : never)
  | ('sampleId' extends keyof Data ? 'voice_samples' : never)
  | ('runId' extends keyof Data ? 'training_runs' | 'avatar_test_reports' : never)
  | ('inviteId' extends keyof Data ? 'blind_test_invites' : never)
  | ('personaVersion' extends keyof Data ? 'blind_test_scores' : never)
  | 'voice_consents';

const material = ['materials'] as const;
const sample = ['voice_samples'] as const;
const run = ['training_runs'] as const;

/** Which child rows each avatar event updates besides the avatar's: a new event type must be placed here. */
const childTables: { readonly [Type in AvatarEvent['type']]: readonly ChildTableOf<EventOfType<Type>['data']>[] } = {
  AvatarCreated: [],
  AvatarRenamed: [],
  PersonaCardEdited: [],
  MaterialUploaded: material,
  MaterialExtractionStarted: material,
  MaterialExtracted: material,
  MaterialExtractionFailed: material,
  MaterialRemoved: material,
  ChatParticipantChosen: material,
  MaterialSpeakersTagged: ['materials', 'voice_samples'],
  MaterialSpeakerTaggingFailed: ['materials', 'voice_samples'],
  VoiceConsentRecorded: ['voice_consents'],
  VoiceConsentWithdrawn: ['voice_consents'],
  VoiceSampleSubmitted: sample,
  VoiceSampleSet: sample,
  VoiceSampleRejected: sample,
  VoiceSampleActivated: sample,
  VoicePreviewRequested: sample,
  VoicePreviewReady: sample,
  VoicePreviewFailed: sample,
  TrainingStarted: run,
  TrainingProgressed: run,
  TrainingCompleted: run,
  TrainingFailed: run,
  TrainingStopped: run,
  AvatarTestStarted: ['training_runs', 'avatar_test_reports'],
  AvatarTested: ['training_runs', 'avatar_test_reports'],
  PersonaVersionActivated: [],
  BlindTestInviteCreated: ['blind_test_invites'],
  BlindTestInviteRevoked: ['blind_test_invites'],
  // A guest's guess counts on its invite (an owner's has none) and on its version's score.
  BlindTestGuessed: ['blind_test_invites', 'blind_test_scores'],
  AvatarDeleted: [],
};

const idKeys = {
  materials: 'materialId',
  voice_samples: 'sampleId',
  training_runs: 'runId',
  avatar_test_reports: 'runId',
} as const;

function idOf(table: ChildTable, event: AvatarStreamEvent, data: JsonObject): string | null {
  if (table === 'voice_consents') return event.streamId;
  if (table === 'blind_test_invites') return typeof data.inviteId === 'string' ? data.inviteId : null;
  if (table === 'blind_test_scores') return blindTestScoreId(event.streamId, Number(data.personaVersion));
  return String(data[idKeys[table]]);
}

/** The child rows an event updates, with their ids, in the order they are updated. */
export function childRowsOf(event: AvatarStreamEvent): { readonly table: ChildTable; readonly id: string }[] {
  const data: JsonObject = event.data;
  return childTables[event.type].flatMap((table) => {
    const id = idOf(table, event, data);
    return id === null ? [] : [{ table, id }];
  });
}
