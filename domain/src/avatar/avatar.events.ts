import type { DubVoice } from '../chat/chat.events.ts';
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
/** What ffmpeg decoded of a recording: shown beside a failure too, so decoding can be told from content. */
export type DecodedMedia = { durationSec: number | null; channels: number | null; sampleRate: number | null };
/** A chat participant's share of the export, checked by the user before choosing the person. */
export type ChatParticipantFacts = {
  name: string;
  messageCount: number;
  /** ISO 8601 instants (UTC); null when none of their messages has a readable time. */
  firstMessageAt: string | null;
  lastMessageAt: string | null;
};
export type ChatFacts = {
  firstMessageAt: string | null;
  lastMessageAt: string | null;
  /** False when the export's times carry no zone: they are the exporting device's clock, written as UTC. */
  timeZoneKnown: boolean;
  participants: ChatParticipantFacts[];
};
export type MaterialExtraction = {
  materialId: string;
  textBlobKey: string;
  segmentsBlobKey: string | null;
  charCount: number;
  durationSec: number | null;
  /** ISO 639 code of the detected language, null when none could be told. */
  language: string | null;
  /** Who speaks in a chat export; empty for every other kind. */
  participants: string[];
  preview: string;
  /** Chat exports: who wrote how much and when (schema v2); null for other kinds. */
  chat: ChatFacts | null;
  /** Recordings: what was decoded (schema v2); null for other kinds. */
  media: DecodedMedia | null;
  /** What the user should know about the import, e.g. times that could not be read (schema v2). */
  notes: string[];
};
/** Why extraction failed, and for a recording what was decoded before it did (schema v2). */
export type MaterialFailure = Failure & { media: DecodedMedia | null };
export type MaterialUploaded = Event<'MaterialUploaded', MaterialFile>;
export type MaterialExtractionStarted = Event<'MaterialExtractionStarted', { materialId: string }>;
export type MaterialExtracted = Event<'MaterialExtracted', MaterialExtraction>;
export type MaterialExtractionFailed = Event<'MaterialExtractionFailed', { materialId: string } & MaterialFailure>;
export type MaterialRemoved = Event<'MaterialRemoved', { materialId: string }>;
/** A recording's segments judged against one accepted voice sample (the person vs. other voices). */
export type SpeakerTags = {
  materialId: string;
  sampleId: string;
  /** The re-cut, tagged transcript (a TranscriptDocument) for this sample. */
  segmentsBlobKey: string;
  /** The speaker model's similarity threshold the verdicts used (cosine, -1..1). */
  threshold: number;
  personSpeechSec: number;
  otherSpeechSec: number;
};
export type MaterialSpeakersTagged = Event<'MaterialSpeakersTagged', SpeakerTags>;
export type MaterialSpeakerTaggingFailed = Event<
  'MaterialSpeakerTaggingFailed',
  { materialId: string; sampleId: string } & Failure
>;
/** Who in the chat is the person: one name, or several (one person's addresses in a mailbox, schema v2). */
export type ChatParticipantChosen = Event<'ChatParticipantChosen', { materialId: string; participants: string[] }>;

export type VoiceConsent = { basis: ConsentBasis; personName: string; consentGivenOn: string; statement: string };
/** What the voice check measured; loudness is null for a silent sample (−∞ LUFS). */
export type VoiceSampleMeasures = {
  durationSec: number;
  loudnessLufs: number | null;
  speakerConsistency: number;
};
export type VoiceSampleCheck = {
  sampleId: string;
  durationSec: number;
  loudnessLufs: number;
  speakerConsistency: number;
};
export type VoiceConsentRecorded = Event<'VoiceConsentRecorded', VoiceConsent>;
/** Cloning stops at once; dubs made before stay, marked as made under the withdrawn consent. */
export type VoiceConsentWithdrawn = Event<'VoiceConsentWithdrawn', Record<string, never>>;
/** v2: `replacesActive` — whether the sample becomes the one in use once accepted (v1 samples always did). */
export type VoiceSampleSubmitted = Event<
  'VoiceSampleSubmitted',
  { sampleId: string; blobKey: string; source: VoiceSampleSource; replacesActive: boolean }
>;
export type VoiceSampleSet = Event<'VoiceSampleSet', VoiceSampleCheck>;
/** `measured` is null when the sample could not be measured at all (e.g. it is not audio). */
export type VoiceSampleRejected = Event<
  'VoiceSampleRejected',
  { sampleId: string; measured: VoiceSampleMeasures | null } & Failure
>;
/** The user chose which accepted sample dubs are cloned from. */
export type VoiceSampleActivated = Event<'VoiceSampleActivated', { sampleId: string }>;
/** Any text spoken in a sample's voice before the user relies on it (through the dub path). */
export type VoicePreviewRequested = Event<
  'VoicePreviewRequested',
  { previewId: string; sampleId: string; text: string }
>;
export type VoicePreviewReady = Event<
  'VoicePreviewReady',
  { previewId: string; sampleId: string; blobKey: string; durationSec: number; voice: DubVoice }
>;
export type VoicePreviewFailed = Event<'VoicePreviewFailed', { previewId: string; sampleId: string } & Failure>;

export type TrainingStarted = Event<'TrainingStarted', { runId: string; settings: JsonObject; materialIds: string[] }>;
export type TrainingProgressed = Event<'TrainingProgressed', { runId: string; stage: TrainingStage; percent: number }>;
export type TrainingCompleted = Event<
  'TrainingCompleted',
  { runId: string; personaVersion: number; snapshotKey: string; stats: JsonObject }
>;
export type TrainingFailed = Event<'TrainingFailed', { runId: string } & Failure>;
export type TrainingStopped = Event<'TrainingStopped', { runId: string }>;
/** The test worker began testing a run's persona version; AvatarTested ends it (a failed test records a report too). */
export type AvatarTestStarted = Event<'AvatarTestStarted', { runId: string; personaVersion: number }>;
export type AvatarTested = Event<'AvatarTested', { runId: string; personaVersion: number; report: JsonObject }>;
export type PersonaVersionActivated = Event<'PersonaVersionActivated', { personaVersion: number }>;
/** A link that lets someone without an account take the blind test; only the token's hash is kept. */
export type BlindTestInviteCreated = Event<
  'BlindTestInviteCreated',
  { inviteId: string; tokenHash: string; expiresAt: string }
>;
export type BlindTestInviteRevoked = Event<'BlindTestInviteRevoked', { inviteId: string }>;
/**
 * One guess of "which one is real?" on a held-out pair of a persona version, by
 * the owner (inviteId null) or by someone with an invite (`guesser` tells apart people sharing one link).
 */
export type BlindTestGuessed = Event<
  'BlindTestGuessed',
  { personaVersion: number; pairIndex: number; correct: boolean; inviteId: string | null; guesser: string }
>;

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
  | MaterialSpeakersTagged
  | MaterialSpeakerTaggingFailed
  | VoiceConsentRecorded
  | VoiceConsentWithdrawn
  | VoiceSampleSubmitted
  | VoiceSampleSet
  | VoiceSampleRejected
  | VoiceSampleActivated
  | VoicePreviewRequested
  | VoicePreviewReady
  | VoicePreviewFailed
  | TrainingStarted
  | TrainingProgressed
  | TrainingCompleted
  | TrainingFailed
  | TrainingStopped
  | AvatarTestStarted
  | AvatarTested
  | PersonaVersionActivated
  | BlindTestInviteCreated
  | BlindTestInviteRevoked
  | BlindTestGuessed
  | AvatarDeleted;
