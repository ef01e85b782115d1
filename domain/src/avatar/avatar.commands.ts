import type { Command } from '../kernel/command.ts';
import type { Failure } from '../kernel/failure.ts';
import type { JsonObject } from '../kernel/json.ts';
import type {
  DecodedMedia,
  MaterialExtraction,
  MaterialFile,
  SpeakerTags,
  VoiceConsent,
  VoicePreviewReady,
  VoiceSampleCheck,
  VoiceSampleMeasures,
} from './avatar.events.ts';
import type { PersonaCard, TrainingStage, VoiceSampleSource } from './avatar.values.ts';

type MaterialRef = { materialId: string };
type RunRef = { runId: string };

// The owner comes from the actor, never from the data.
export type CreateAvatar = Command<'CreateAvatar', { avatarId: string; name: string }>;
export type RenameAvatar = Command<'RenameAvatar', { name: string }>;
export type EditPersonaCard = Command<'EditPersonaCard', PersonaCard>;
/** A person confirms by typing the avatar's name; the system (closing an account) deletes without it. */
export type DeleteAvatar = Command<'DeleteAvatar', { readonly confirmName?: string }>;

export type UploadMaterial = Command<'UploadMaterial', MaterialFile>;
export type StartMaterialExtraction = Command<'StartMaterialExtraction', MaterialRef>;
export type RecordMaterialExtraction = Command<'RecordMaterialExtraction', MaterialExtraction>;
export type FailMaterialExtraction = Command<
  'FailMaterialExtraction',
  MaterialRef & Failure & { media?: DecodedMedia | null }
>;
export type RemoveMaterial = Command<'RemoveMaterial', MaterialRef>;
/** One participant, or several that are all the person (their addresses in a mailbox). */
export type ChooseChatParticipant = Command<'ChooseChatParticipant', MaterialRef & { participants: readonly string[] }>;
export type RecordSpeakerTags = Command<'RecordSpeakerTags', SpeakerTags>;
export type FailSpeakerTagging = Command<'FailSpeakerTagging', MaterialRef & { sampleId: string } & Failure>;

export type RecordVoiceConsent = Command<'RecordVoiceConsent', VoiceConsent>;
export type WithdrawVoiceConsent = Command<'WithdrawVoiceConsent', Record<string, never>>;
/** `replacesActive` (default true): use the sample instead of the one in use once it passes the check. */
export type SubmitVoiceSample = Command<
  'SubmitVoiceSample',
  { sampleId: string; blobKey: string; source: VoiceSampleSource; replacesActive?: boolean }
>;
export type ActivateVoiceSample = Command<'ActivateVoiceSample', { sampleId: string }>;
export type RequestVoicePreview = Command<'RequestVoicePreview', { previewId: string; sampleId: string; text: string }>;
export type RecordVoicePreview = Command<'RecordVoicePreview', VoicePreviewReady['data']>;
export type FailVoicePreview = Command<'FailVoicePreview', { previewId: string } & Failure>;
export type AcceptVoiceSample = Command<'AcceptVoiceSample', VoiceSampleCheck>;
export type RejectVoiceSample = Command<
  'RejectVoiceSample',
  { sampleId: string; measured?: VoiceSampleMeasures | null } & Failure
>;

export type StartTraining = Command<'StartTraining', RunRef & { settings: JsonObject }>;
export type RecordTrainingProgress = Command<
  'RecordTrainingProgress',
  RunRef & { stage: TrainingStage; percent: number }
>;
export type CompleteTraining = Command<'CompleteTraining', RunRef & { snapshotKey: string; stats: JsonObject }>;
export type FailTraining = Command<'FailTraining', RunRef & Failure>;
export type StopTraining = Command<'StopTraining', RunRef>;
export type StartAvatarTest = Command<'StartAvatarTest', RunRef>;
export type RecordAvatarTest = Command<'RecordAvatarTest', RunRef & { report: JsonObject }>;
export type ActivatePersonaVersion = Command<'ActivatePersonaVersion', { personaVersion: number }>;
/** The gateway makes the token and hashes it; the domain never sees the token. */
export type CreateBlindTestInvite = Command<
  'CreateBlindTestInvite',
  { inviteId: string; tokenHash: string; days: number }
>;
export type RevokeBlindTestInvite = Command<'RevokeBlindTestInvite', { inviteId: string }>;
/**
 * The reply the guesser took for the real one, as its text (the gateway turns the option id it showed back
 * into the text; null when the id is none of the pair's). The decider judges it against the test report.
 */
export type RecordBlindTestGuess = Command<
  'RecordBlindTestGuess',
  { personaVersion: number; pairIndex: number; chosenReply: string | null; inviteId: string | null; guesser: string }
>;

export type AvatarCommand =
  | CreateAvatar
  | RenameAvatar
  | EditPersonaCard
  | UploadMaterial
  | StartMaterialExtraction
  | RecordMaterialExtraction
  | FailMaterialExtraction
  | RemoveMaterial
  | ChooseChatParticipant
  | RecordSpeakerTags
  | FailSpeakerTagging
  | RecordVoiceConsent
  | WithdrawVoiceConsent
  | SubmitVoiceSample
  | AcceptVoiceSample
  | RejectVoiceSample
  | ActivateVoiceSample
  | RequestVoicePreview
  | RecordVoicePreview
  | FailVoicePreview
  | StartTraining
  | RecordTrainingProgress
  | CompleteTraining
  | FailTraining
  | StopTraining
  | StartAvatarTest
  | RecordAvatarTest
  | ActivatePersonaVersion
  | CreateBlindTestInvite
  | RevokeBlindTestInvite
  | RecordBlindTestGuess
  | DeleteAvatar;
