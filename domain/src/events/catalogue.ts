import type { DomainEventType, EventOfType } from './domain-event.ts';
import type { StreamCategory } from './stream-names.ts';

export type EventDescriptor<Data> = {
  readonly stream: StreamCategory;
  /** Bumped whenever the data shape changes; upcasters lift older versions (see upcasting.ts). */
  readonly schemaVersion: number;
  /** Top-level data keys holding personal data: infra encrypts exactly these with the subject's data key. */
  readonly personalFields: readonly (keyof Data & string)[];
};

type Catalogue = { readonly [Type in DomainEventType]: EventDescriptor<EventOfType<Type>['data']> };

export const eventCatalogue = {
  // user-<id>
  UserRegistered: { stream: 'user', schemaVersion: 1, personalFields: ['email', 'fullName', 'passwordHash'] },
  UserProfileUpdated: { stream: 'user', schemaVersion: 1, personalFields: ['fullName'] },
  PasswordChanged: { stream: 'user', schemaVersion: 1, personalFields: ['passwordHash'] },
  EmailChanged: { stream: 'user', schemaVersion: 1, personalFields: ['email'] },
  // A token hash is a credential like the password hash: erasing the user must make it unusable too.
  ApiTokenIssued: { stream: 'user', schemaVersion: 1, personalFields: ['name', 'tokenHash'] },
  ApiTokenRevoked: { stream: 'user', schemaVersion: 1, personalFields: [] },
  AccountDeleted: { stream: 'user', schemaVersion: 1, personalFields: [] },
  // email-<sha256>
  EmailReserved: { stream: 'email', schemaVersion: 1, personalFields: [] },
  // avatar-<id>: an avatar's name is usually the person's name.
  AvatarCreated: { stream: 'avatar', schemaVersion: 1, personalFields: ['name'] },
  AvatarRenamed: { stream: 'avatar', schemaVersion: 1, personalFields: ['name'] },
  PersonaCardEdited: {
    stream: 'avatar',
    schemaVersion: 1,
    personalFields: ['description', 'personality', 'scenario', 'instructions', 'gender'],
  },
  MaterialUploaded: { stream: 'avatar', schemaVersion: 2, personalFields: ['fileName'] },
  MaterialExtractionStarted: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // Chat facts name the participants; notes may quote the export.
  MaterialExtracted: {
    stream: 'avatar',
    schemaVersion: 2,
    personalFields: ['participants', 'preview', 'chat', 'notes'],
  },
  MaterialExtractionFailed: { stream: 'avatar', schemaVersion: 2, personalFields: [] },
  MaterialRemoved: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  ChatParticipantChosen: { stream: 'avatar', schemaVersion: 2, personalFields: ['participants'] },
  MaterialSpeakersTagged: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  MaterialSpeakerTaggingFailed: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  VoiceConsentRecorded: { stream: 'avatar', schemaVersion: 1, personalFields: ['personName', 'statement'] },
  VoiceConsentWithdrawn: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // An uploaded sample's source carries its file name. v2: whether it replaces the sample in use.
  VoiceSampleSubmitted: { stream: 'avatar', schemaVersion: 2, personalFields: ['source'] },
  VoiceSampleSet: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // v2: what the check measured.
  VoiceSampleRejected: { stream: 'avatar', schemaVersion: 2, personalFields: [] },
  VoiceSampleActivated: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // The text a preview speaks is the user's words, maybe the person's.
  VoicePreviewRequested: { stream: 'avatar', schemaVersion: 1, personalFields: ['text'] },
  VoicePreviewReady: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  VoicePreviewFailed: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  TrainingStarted: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  TrainingProgressed: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  TrainingCompleted: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  TrainingFailed: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  TrainingStopped: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  AvatarTestStarted: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // A test report may quote held-out replies of the person next to the generated ones.
  AvatarTested: { stream: 'avatar', schemaVersion: 1, personalFields: ['report'] },
  PersonaVersionActivated: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // The hash of a random secret, not personal; deleting the avatar closes its invites.
  BlindTestInviteCreated: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  BlindTestInviteRevoked: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  BlindTestGuessed: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  AvatarDeleted: { stream: 'avatar', schemaVersion: 1, personalFields: [] },
  // chat-<id>
  ChatOpened: { stream: 'chat', schemaVersion: 2, personalFields: ['title'] },
  ChatRenamed: { stream: 'chat', schemaVersion: 1, personalFields: ['title'] },
  MessageSent: { stream: 'chat', schemaVersion: 1, personalFields: ['text'] },
  // v2: the sources described (they quote the person) and how close the best one was.
  ReplyGenerated: { stream: 'chat', schemaVersion: 2, personalFields: ['text', 'sources'] },
  ReplyFailed: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  DubReady: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  DubFailed: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  ChatDeleted: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  ReplyRegenerationRequested: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  ReplyChosen: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  ReplyRated: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  MessageEdited: { stream: 'chat', schemaVersion: 1, personalFields: ['text'] },
  MessageDeleted: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  VoiceMessageSent: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  VoiceMessageTranscribed: { stream: 'chat', schemaVersion: 1, personalFields: ['text', 'segments'] },
  VoiceMessageTranscriptionFailed: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  CallStarted: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  CallEnded: { stream: 'chat', schemaVersion: 1, personalFields: [] },
  ReplyCut: { stream: 'chat', schemaVersion: 1, personalFields: ['heardText'] },
} as const satisfies Catalogue;

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.hasOwn(eventCatalogue, type);
}

export function currentSchemaVersion(type: DomainEventType): number {
  return eventCatalogue[type].schemaVersion;
}
