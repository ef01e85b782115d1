import type { Failure } from '../kernel/failure.ts';
import type { JsonObject } from '../kernel/json.ts';
import type { ConsentBasis, MaterialKind, PersonaCard, TrainingStage, VoiceSampleSource } from './avatar.values.ts';

type Event<Type extends string, Data> = { type: Type; data: Data };

export type AvatarCreated = Event<'AvatarCreated', { avatarId: string; ownerId: string; name: string }>;
export type AvatarRenamed = Event<'AvatarRenamed', { name: string }>;
export type PersonaCardEdited = Event<'PersonaCardEdited', PersonaCard>;
export type AvatarDeleted = Event<'AvatarDeleted', Record<string, never>>;

export type MaterialFile = {
  materialId: string;
  fileName: string;
  mediaType: string;
  kind: MaterialKind;
  sizeBytes: number;
  sha256: string;
  blobKey: string;
};
export type MaterialExtraction = {
  materialId: string;
  textBlobKey: string;
  segmentsBlobKey: string | null;
  charCount: number;
  durationSec: number | null;
  language: string | null;
  /** Who speaks in a chat export; empty for every other kind. */
  participants: string[];
  preview: string;
};
export type MaterialUploaded = Event<'MaterialUploaded', MaterialFile>;
export type MaterialExtractionStarted = Event<'MaterialExtractionStarted', { materialId: string }>;
export type MaterialExtracted = Event<'MaterialExtracted', MaterialExtraction>;
export type MaterialExtractionFailed = Event<'MaterialExtractionFailed', { materialId: string } & Failure>;
export type MaterialRemoved = Event<'MaterialRemoved', { materialId: string }>;
export type ChatParticipantChosen = Event<'ChatParticipantChosen', { materialId: string; participant: string }>;

export type VoiceConsent = { basis: ConsentBasis; personName: string; consentGivenOn: string; statement: string };
export type VoiceSampleCheck = {
  sampleId: string;
  durationSec: number;
  loudnessLufs: number;
  speakerConsistency: number;
};
export type VoiceConsentRecorded = Event<'VoiceConsentRecorded', VoiceConsent>;
export type VoiceSampleSubmitted = Event<
  'VoiceSampleSubmitted',
  { sampleId: string; blobKey: string; source: VoiceSampleSource }
>;
export type VoiceSampleSet = Event<'VoiceSampleSet', VoiceSampleCheck>;
export type VoiceSampleRejected = Event<'VoiceSampleRejected', { sampleId: string } & Failure>;

export type TrainingStarted = Event<'TrainingStarted', { runId: string; settings: JsonObject; materialIds: string[] }>;
export type TrainingProgressed = Event<'TrainingProgressed', { runId: string; stage: TrainingStage; percent: number }>;
export type TrainingCompleted = Event<
  'TrainingCompleted',
  { runId: string; personaVersion: number; snapshotKey: string; stats: JsonObject }
>;
export type TrainingFailed = Event<'TrainingFailed', { runId: string } & Failure>;
export type TrainingStopped = Event<'TrainingStopped', { runId: string }>;
export type AvatarTested = Event<'AvatarTested', { runId: string; personaVersion: number; report: JsonObject }>;
export type PersonaVersionActivated = Event<'PersonaVersionActivated', { personaVersion: number }>;

export type AvatarEvent =
  | AvatarCreated
  | AvatarRenamed
  | PersonaCardEdited
  | MaterialUploaded
  | MaterialExtractionStarted
  | MaterialExtracted
  | MaterialExtractionFailed
  | MaterialRemoved
  | ChatParticipantChosen
  | VoiceConsentRecorded
  | VoiceSampleSubmitted
  | VoiceSampleSet
  | VoiceSampleRejected
  | TrainingStarted
  | TrainingProgressed
  | TrainingCompleted
  | TrainingFailed
  | TrainingStopped
  | AvatarTested
  | PersonaVersionActivated
  | AvatarDeleted;
