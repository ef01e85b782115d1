import type { DomainCommandType } from './domain-command.ts';

/**
 * Who may send a command:
 * - `user`: a signed-in person who owns the stream (`ownerOf(state)`);
 * - `system`: only Bishop's own services (workers, auth) — results of jobs;
 * - `user-or-system`: either.
 */
export const ActorRule = { User: 'user', System: 'system', UserOrSystem: 'user-or-system' } as const;
export type ActorRule = (typeof ActorRule)[keyof typeof ActorRule];

const { User, System, UserOrSystem } = ActorRule;

export const commandPolicy = {
  // user-<id>: sign-up runs as the `auth` service; a password reset too.
  RegisterUser: UserOrSystem,
  UpdateProfile: User,
  ChangePassword: UserOrSystem,
  ChangeEmail: User,
  IssueApiToken: User,
  RevokeApiToken: UserOrSystem,
  DeleteAccount: User,
  // email-<sha256>
  ReserveEmail: System,
  // avatar-<id>
  CreateAvatar: User,
  RenameAvatar: User,
  EditPersonaCard: User,
  UploadMaterial: User,
  StartMaterialExtraction: System,
  RecordMaterialExtraction: System,
  FailMaterialExtraction: System,
  RecordSpeakerTags: System,
  FailSpeakerTagging: System,
  RemoveMaterial: User,
  ChooseChatParticipant: User,
  RecordVoiceConsent: User,
  WithdrawVoiceConsent: User,
  ActivateVoiceSample: User,
  RequestVoicePreview: User,
  RecordVoicePreview: System,
  FailVoicePreview: System,
  SubmitVoiceSample: User,
  AcceptVoiceSample: System,
  RejectVoiceSample: System,
  StartTraining: User,
  RecordTrainingProgress: System,
  CompleteTraining: System,
  FailTraining: System,
  StopTraining: User,
  StartAvatarTest: System,
  RecordAvatarTest: System,
  ActivatePersonaVersion: User,
  CreateBlindTestInvite: User,
  RevokeBlindTestInvite: User,
  // Someone with an invite guesses through the `blind-test` service; the owner as themself.
  RecordBlindTestGuess: UserOrSystem,
  // The owner, or the shredder when the owner's whole account is deleted.
  DeleteAvatar: UserOrSystem,
  // chat-<id>
  OpenChat: User,
  RenameChat: User,
  SendMessage: User,
  RecordReply: System,
  FailReply: System,
  CancelReply: User,
  RecordDub: System,
  FailDub: System,
  DeleteChat: User,
  RegenerateReply: User,
  ChooseReply: User,
  RateReply: User,
  EditMessage: User,
  DeleteMessage: User,
  SendVoiceMessage: User,
  RecordVoiceTranscript: System,
  FailVoiceTranscript: System,
  StartCall: User,
  // The user hangs up; the gateway ends a call on silence, the length limit, revocation or shutdown.
  EndCall: UserOrSystem,
  CutReply: System,
} as const satisfies Record<DomainCommandType, ActorRule>;
