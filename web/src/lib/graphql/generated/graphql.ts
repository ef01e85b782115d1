/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether an avatar is live. */
export type AvatarStatus =
  /** Usable. */
  | 'ACTIVE'
  /** Deleted: its personal data is erased. */
  | 'DELETED';

/** A step of an avatar test. */
export type AvatarTestStep =
  /** Replying to the held-out messages as this version, the untrained baseline and the version that was active. */
  | 'REPLIES'
  /** Scoring the replies against the person's real ones. */
  | 'SCORING'
  /** Dubbing held-out replies and scoring the voice. */
  | 'VOICE';

/** Whether a chat is usable. */
export type ChatStatus =
  /** Deleted. */
  | 'DELETED'
  /** Open. */
  | 'OPEN';

/** What a source of a reply is. */
export type CitedSourceKind =
  /** An earlier exchange of this chat. */
  | 'EXCHANGE'
  /** One of the person's past replies (to the message shown as `prompt`). */
  | 'PAIR'
  /** A passage of the person's own words in a material. */
  | 'PASSAGE';

/** On what basis the user may clone the person's voice. */
export type ConsentBasis =
  /** The person gave the user their consent. */
  | 'PERSON_CONSENTED'
  /** The user is the person. */
  | 'SELF';

/** State of a reply's spoken version. */
export type DubState =
  /** Synthesis failed; see `failure`. */
  | 'FAILED'
  /** Audio ready; see `audioUrl`. */
  | 'READY';

/** A fidelity metric of the avatar test. */
export type FidelityMetricName =
  /** Character n-gram authorship attribution: the person against generic text. */
  | 'AUTHORSHIP'
  /** Sentence-embedding cosine between a reply and the person's real reply. */
  | 'EMBEDDING_SIMILARITY'
  /** 1 − character error rate of a Whisper transcript of each dub against its text. */
  | 'INTELLIGIBILITY'
  /** Speaker-embedding cosine between dubs and the voice sample. */
  | 'SPEAKER_SIMILARITY'
  /** 1 − stylometric distance between a reply and the person's style profile. */
  | 'STYLE_SIMILARITY';

/** Gender the persona presents. */
export type Gender =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE'
  /** Other or unspecified. */
  | 'OTHER';

/** Kinds of material an avatar learns from. */
export type MaterialKind =
  /** Recordings: wav, mp3, ogg/opus, m4a, flac. */
  | 'AUDIO'
  /** Messenger exports: Telegram result.json or zipped export, WhatsApp .txt. */
  | 'CHAT_EXPORT'
  /** Documents: txt, md, pdf, docx, html, srt/vtt. */
  | 'TEXT'
  /** Video (its audio track is used): mp4, mkv, webm, mov. */
  | 'VIDEO';

/** Where a material is on its way to becoming training text. */
export type MaterialState =
  /** Text is being extracted (transcribed for recordings). */
  | 'EXTRACTING'
  /** Extraction failed; see `failure`. */
  | 'FAILED'
  /** Extracted text is ready. */
  | 'READY'
  /** Stored, waiting for extraction. */
  | 'UPLOADED';

/** How a message was sent. */
export type MessageKind =
  /** Typed. */
  | 'TEXT'
  /** Spoken: a recorded or uploaded voice message, or a turn of a live call; see `voice`. */
  | 'VOICE';

/** Whether a metric's figures mean something. */
export type MetricQuality =
  /** Every model behind the figures has real weights. */
  | 'MEANINGFUL'
  /** Measured with a test model (not meaningful): a model behind it has random weights or is unknown to the catalogue. */
  | 'TEST_MODEL';

/** Persona card fields; omitted or empty text fields are cleared. */
export type PersonaCardInput = {
  /** Who the person is (up to 4000 characters). */
  description?: string | null | undefined;
  /** Gender the persona presents. */
  gender?: Gender | null | undefined;
  /** Extra instructions for replies (up to 4000 characters). */
  instructions?: string | null | undefined;
  /** Languages (BCP 47 codes, up to 10). */
  languages?: Array<string> | null | undefined;
  /** Character traits and manner (up to 4000 characters). */
  personality?: string | null | undefined;
  /** Typical situation of a conversation (up to 4000 characters). */
  scenario?: string | null | undefined;
};

/** A user's verdict on a reply. */
export type Rating =
  /** Bad: does not. */
  | 'DOWN'
  /** Good: sounds like the person. */
  | 'UP';

/** Who wrote the replies a text metric scored. */
export type ReplySource =
  /** A language model with the persona in its prompt. */
  | 'LLM'
  /** The retrieval responder: the person's own past reply to the most similar message. */
  | 'RETRIEVAL';

/** Where a message's reply stands. */
export type ReplyState =
  /** Cancelled by the user. */
  | 'CANCELLED'
  /** Failed; see `failure`. */
  | 'FAILED'
  /** The avatar is answering. */
  | 'PENDING'
  /** Answered; see `reply`. */
  | 'REPLIED';

/** Account details to sign up with. */
export type SignUpInput = {
  /** Email address; must be unique. */
  email: string;
  /** Full name (1–200 characters). */
  fullName: string;
  /**
   * Password: at least 8 visible characters, not only spaces, not the email or the
   * name, and not one of the most common breached passwords (NIST SP 800-63B).
   */
  password: string;
};

/** Whether an avatar test is running or done. */
export type TestStatus =
  /** The report is recorded. */
  | 'DONE'
  /** The test worker is testing the version; a report from an earlier test of the run may still show. */
  | 'RUNNING';

/** A test's verdict. */
export type TestVerdict =
  /** Better beyond doubt (the 95 % interval lies above zero). */
  | 'BETTER'
  /** Nothing could be measured (see the metrics' reasons). */
  | 'NOT_MEASURED'
  /** No clear difference (the 95 % interval contains zero). */
  | 'UNCLEAR'
  /** Worse beyond doubt (the 95 % interval lies below zero). */
  | 'WORSE';

/** Groups of history entries, for filtering. */
export type TimelineKind =
  /** Chats opened, renamed, deleted. */
  | 'CHAT'
  /** Materials uploaded, extracted, failed, removed. */
  | 'MATERIAL'
  /** Messages, replies and dubs. */
  | 'MESSAGE'
  /** Created, renamed, persona card edited, deleted. */
  | 'PROFILE'
  /** Training runs, persona versions, tests. */
  | 'TRAINING'
  /** Voice consent and samples. */
  | 'VOICE';

/** Lifecycle of a training run. */
export type TrainingStatus =
  /** Finished: produced a persona version. */
  | 'COMPLETED'
  /** Failed; see `failure`. The active persona version did not change. */
  | 'FAILED'
  /** In progress. */
  | 'RUNNING'
  /** Stopped by the user. The active persona version did not change. */
  | 'STOPPED';

/** Where a voice message's transcript stands. */
export type TranscriptState =
  /** Could not be transcribed (e.g. no speech); see the message's `failure`. */
  | 'FAILED'
  /** Transcribed; the text is the message's `text`, with timed `segments`. */
  | 'TRANSCRIBED'
  /** Being transcribed (VAD → Whisper); the reply follows the transcript. */
  | 'TRANSCRIBING';

/** What a verdict compares the tested version with. */
export type VerdictBasis =
  /** The untrained baseline (persona card only): `overall.lift`. */
  | 'BASELINE'
  /** The version that was active before this run, scored again on the same held-out messages (`comparedWith`). */
  | 'PREVIOUS_VERSION';

/** Consent to clone a voice. */
export type VoiceConsentInput = {
  /** Basis of the consent. */
  basis: ConsentBasis;
  /** When the person gave consent (ISO date, not in the future). */
  consentGivenOn: string;
  /** Whose voice it is. */
  personName: string;
  /** The statement, in the user's words. */
  statement: string;
};

/** State of a voice preview. */
export type VoicePreviewState =
  /** Could not be spoken; see `failure`. */
  | 'FAILED'
  /** Spoken; see `audioUrl`. */
  | 'READY'
  /** Being spoken. */
  | 'REQUESTED';

/** State of a voice sample's check. */
export type VoiceSampleState =
  /** Checked and in use. */
  | 'READY'
  /** Rejected; see `failure`. */
  | 'REJECTED'
  /** Waiting for the check. */
  | 'SUBMITTED';

export type SessionFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, user: { id: string, email: string, fullName: string } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, accessTokenExpiresAt: string, user: { id: string, email: string, fullName: string } } };

export type LogInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogInMutation = { logIn: { accessToken: string, accessTokenExpiresAt: string, user: { id: string, email: string, fullName: string } } };

export type DeleteAccountMutationVariables = Exact<{
  password: string;
}>;


export type DeleteAccountMutation = { deleteAccount: { position: string } };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { me: { id: string, email: string, fullName: string, registeredAt: string, apiTokens: Array<{ id: string, name: string, issuedAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type UpdateProfileMutationVariables = Exact<{
  fullName: string;
}>;


export type UpdateProfileMutation = { updateProfile: { position: string } };

export type IssueApiTokenMutationVariables = Exact<{
  name: string;
}>;


export type IssueApiTokenMutation = { issueApiToken: { secret: string, position: string, token: { id: string, name: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { position: string } };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type ChangeEmailMutationVariables = Exact<{
  currentPassword: string;
  newEmail: string;
}>;


export type ChangeEmailMutation = { changeEmail: { position: string } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type AvatarSummaryFragment = { id: string, name: string | null, status: AvatarStatus, createdAt: string, updatedAt: string, activePersonaVersion: number | null };

export type AvatarListQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AvatarListQuery = { avatars: { nodes: Array<{ id: string, name: string | null, status: AvatarStatus, createdAt: string, updatedAt: string, activePersonaVersion: number | null, materials: Array<{ id: string }>, chats: { nodes: Array<{ id: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AvatarOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type AvatarOverviewQuery = { avatar: { id: string, name: string | null, status: AvatarStatus, createdAt: string, updatedAt: string, activePersonaVersion: number | null, personaCard: { description: string | null, personality: string | null, scenario: string | null, instructions: string | null, gender: Gender | null, languages: Array<string> }, materials: Array<{ id: string }>, voice: { sample: { id: string, state: VoiceSampleState } | null }, chats: { nodes: Array<{ id: string }> }, personaVersions: Array<{ version: number }> } };

export type CreateAvatarMutationVariables = Exact<{
  name: string;
  clientMutationId?: string | number | null | undefined;
}>;


export type CreateAvatarMutation = { createAvatar: { avatarId: string, position: string } };

export type RenameAvatarMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RenameAvatarMutation = { renameAvatar: { position: string, avatar: { id: string, name: string | null } } };

export type EditPersonaCardMutationVariables = Exact<{
  id: string | number;
  card: PersonaCardInput;
}>;


export type EditPersonaCardMutation = { editPersonaCard: { position: string } };

export type DeleteAvatarMutationVariables = Exact<{
  id: string | number;
  confirmName: string;
}>;


export type DeleteAvatarMutation = { deleteAvatar: { position: string } };

export type AvatarChangedSubscriptionVariables = Exact<{
  avatarId?: string | number | null | undefined;
}>;


export type AvatarChangedSubscription = { avatarChanged: { position: string, avatar: { id: string, name: string | null, status: AvatarStatus, createdAt: string, updatedAt: string, activePersonaVersion: number | null } } };

export type BlindTestRoundFieldsFragment = { personaVersion: number, pairs: Array<{ index: number, message: string, options: Array<{ id: string, text: string }> }> };

export type BlindTestScoreFieldsFragment = { personaVersion: number, guesses: number, correct: number, accuracy: number | null };

export type BlindTestPageQueryVariables = Exact<{
  avatarId: string | number;
}>;


export type BlindTestPageQuery = { avatar: { id: string, blindTest: { personaVersion: number, pairs: Array<{ index: number, message: string, options: Array<{ id: string, text: string }> }> } | null, blindTestScores: Array<{ personaVersion: number, guesses: number, correct: number, accuracy: number | null }>, blindTestInvites: Array<{ id: string, createdAt: string, expiresAt: string, revokedAt: string | null, open: boolean, guesses: number }> } };

export type GuessBlindTestMutationVariables = Exact<{
  avatarId: string | number;
  personaVersion: number;
  pairIndex: number;
  optionId: string | number;
}>;


export type GuessBlindTestMutation = { guessBlindTest: { correct: boolean, realOptionId: string, counted: boolean, position: string } };

export type CreateBlindTestInviteMutationVariables = Exact<{
  avatarId: string | number;
  days: number;
}>;


export type CreateBlindTestInviteMutation = { createBlindTestInvite: { token: string, position: string, invite: { id: string } } };

export type RevokeBlindTestInviteMutationVariables = Exact<{
  avatarId: string | number;
  inviteId: string | number;
}>;


export type RevokeBlindTestInviteMutation = { revokeBlindTestInvite: { position: string } };

export type InvitedBlindTestQueryVariables = Exact<{
  token: string;
}>;


export type InvitedBlindTestQuery = { invitedBlindTest: { personaVersion: number, pairs: Array<{ index: number, message: string, options: Array<{ id: string, text: string }> }> } };

export type GuessInvitedBlindTestMutationVariables = Exact<{
  token: string;
  guesser: string | number;
  personaVersion: number;
  pairIndex: number;
  optionId: string | number;
}>;


export type GuessInvitedBlindTestMutation = { guessInvitedBlindTest: { correct: boolean, realOptionId: string, counted: boolean, position: string } };

export type ReplyFieldsFragment = { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null };

export type MessageFieldsFragment = { id: string, chatId: string, kind: MessageKind, text: string | null, sentAt: string, editedAt: string | null, deletedAt: string | null, replyState: ReplyState, voice: { transcriptState: TranscriptState, audioUrl: string | null, durationSec: number | null, language: string | null, callId: string | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string }> | null } | null, failure: { code: string, reason: string } | null, reply: { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null } | null, replies: Array<{ id: string }> };

export type MessagePageFieldsFragment = { nodes: Array<{ id: string, chatId: string, kind: MessageKind, text: string | null, sentAt: string, editedAt: string | null, deletedAt: string | null, replyState: ReplyState, voice: { transcriptState: TranscriptState, audioUrl: string | null, durationSec: number | null, language: string | null, callId: string | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string }> | null } | null, failure: { code: string, reason: string } | null, reply: { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null } | null, replies: Array<{ id: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } };

export type ChatListQueryVariables = Exact<{
  avatarId: string | number;
}>;


export type ChatListQuery = { avatar: { id: string, chats: { nodes: Array<{ id: string, title: string | null, untitled: boolean, status: ChatStatus, personaVersion: number | null, createdAt: string, messageCount: number, lastMessageAt: string | null }> } } };

export type ChatViewQueryVariables = Exact<{
  chatId: string | number;
}>;


export type ChatViewQuery = { chat: { id: string, title: string | null, untitled: boolean, status: ChatStatus, personaVersion: number | null, messageCount: number, messages: { nodes: Array<{ id: string, chatId: string, kind: MessageKind, text: string | null, sentAt: string, editedAt: string | null, deletedAt: string | null, replyState: ReplyState, voice: { transcriptState: TranscriptState, audioUrl: string | null, durationSec: number | null, language: string | null, callId: string | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string }> | null } | null, failure: { code: string, reason: string } | null, reply: { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null } | null, replies: Array<{ id: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type ChatEarlierMessagesQueryVariables = Exact<{
  chatId: string | number;
  after: string;
}>;


export type ChatEarlierMessagesQuery = { chat: { id: string, messages: { nodes: Array<{ id: string, chatId: string, kind: MessageKind, text: string | null, sentAt: string, editedAt: string | null, deletedAt: string | null, replyState: ReplyState, voice: { transcriptState: TranscriptState, audioUrl: string | null, durationSec: number | null, language: string | null, callId: string | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string }> | null } | null, failure: { code: string, reason: string } | null, reply: { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null } | null, replies: Array<{ id: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type OpenChatMutationVariables = Exact<{
  avatarId: string | number;
  title?: string | null | undefined;
  personaVersion?: number | null | undefined;
  clientMutationId?: string | number | null | undefined;
}>;


export type OpenChatMutation = { openChat: { chatId: string, position: string } };

export type RenameChatMutationVariables = Exact<{
  id: string | number;
  title: string;
}>;


export type RenameChatMutation = { renameChat: { position: string } };

export type DeleteChatMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteChatMutation = { deleteChat: { position: string } };

export type SendMessageMutationVariables = Exact<{
  chatId: string | number;
  text: string;
  clientMutationId?: string | number | null | undefined;
}>;


export type SendMessageMutation = { sendMessage: { messageId: string, position: string, message: { id: string, chatId: string, kind: MessageKind, text: string | null, sentAt: string, editedAt: string | null, deletedAt: string | null, replyState: ReplyState, voice: { transcriptState: TranscriptState, audioUrl: string | null, durationSec: number | null, language: string | null, callId: string | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string }> | null } | null, failure: { code: string, reason: string } | null, reply: { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null } | null, replies: Array<{ id: string }> } } };

export type CancelReplyMutationVariables = Exact<{
  chatId: string | number;
  messageId: string | number;
}>;


export type CancelReplyMutation = { cancelReply: { position: string } };

export type ReplyTokensSubscriptionVariables = Exact<{
  chatId: string | number;
}>;


export type ReplyTokensSubscription = { replyTokens: { messageId: string, index: number, text: string, done: boolean } };

export type MessageChangedSubscriptionVariables = Exact<{
  chatId: string | number;
}>;


export type MessageChangedSubscription = { messageChanged: { position: string, message: { id: string, chatId: string, kind: MessageKind, text: string | null, sentAt: string, editedAt: string | null, deletedAt: string | null, replyState: ReplyState, voice: { transcriptState: TranscriptState, audioUrl: string | null, durationSec: number | null, language: string | null, callId: string | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string }> | null } | null, failure: { code: string, reason: string } | null, reply: { id: string, text: string | null, personaVersion: number | null, latencyMs: number, model: string, closeness: number | null, lowConfidence: boolean, rating: Rating | null, repliedAt: string | null, cut: { heardSec: number, spokenSec: number, heardText: string | null } | null, sources: Array<{ id: string, kind: CitedSourceKind, text: string | null, prompt: string | null, startSec: number | null, saidAt: string | null, material: { id: string, fileName: string | null, uploadedAt: string } | null }>, dub: { state: DubState, audioUrl: string | null, durationSec: number | null, voice: string | null, madeUnderWithdrawnConsent: boolean, failure: { code: string, reason: string } | null } | null } | null, replies: Array<{ id: string }> } } };

export type RegenerateReplyMutationVariables = Exact<{
  chatId: string | number;
  messageId: string | number;
}>;


export type RegenerateReplyMutation = { regenerateReply: { position: string } };

export type ChooseReplyMutationVariables = Exact<{
  chatId: string | number;
  messageId: string | number;
  replyId: string | number;
}>;


export type ChooseReplyMutation = { chooseReply: { position: string } };

export type RateReplyMutationVariables = Exact<{
  chatId: string | number;
  replyId: string | number;
  rating?: Rating | null | undefined;
}>;


export type RateReplyMutation = { rateReply: { position: string } };

export type EditMessageMutationVariables = Exact<{
  chatId: string | number;
  messageId: string | number;
  text: string;
}>;


export type EditMessageMutation = { editMessage: { position: string } };

export type DeleteMessageMutationVariables = Exact<{
  chatId: string | number;
  messageId: string | number;
}>;


export type DeleteMessageMutation = { deleteMessage: { position: string } };

export type SearchChatsQueryVariables = Exact<{
  avatarId: string | number;
  text: string;
}>;


export type SearchChatsQuery = { searchChats: Array<{ chatId: string, chatTitle: string | null, message: { id: string, text: string | null, sentAt: string, reply: { id: string, text: string | null } | null } }> };

export type TimelineQueryVariables = Exact<{
  avatarId: string | number;
  after?: string | null | undefined;
  kinds?: Array<TimelineKind> | TimelineKind | null | undefined;
}>;


export type TimelineQuery = { avatar: { id: string, chainHead: { hash: string, revision: number } | null, materials: Array<{ id: string, fileName: string | null }>, timeline: { nodes: Array<{ position: string, type: string, kind: TimelineKind, actor: string, occurredAt: string, summary: string, chatId: string | null, details: unknown }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type MaterialFieldsFragment = { id: string, fileName: string | null, mediaType: string, kind: MaterialKind, sizeBytes: number, state: MaterialState, uploadedAt: string, updatedAt: string, charCount: number | null, durationSec: number | null, language: string | null, preview: string | null, participants: Array<string>, chosenParticipant: string | null, chosenParticipants: Array<string>, notes: Array<string>, downloadUrl: string, removed: boolean, failure: { code: string, reason: string } | null, decoded: { durationSec: number | null, channels: number | null, sampleRate: number | null } | null, chat: { firstMessageAt: string | null, lastMessageAt: string | null, timeZoneKnown: boolean, participants: Array<{ name: string, messageCount: number, firstMessageAt: string | null, lastMessageAt: string | null }> } | null };

export type MaterialListQueryVariables = Exact<{
  avatarId: string | number;
}>;


export type MaterialListQuery = { avatar: { id: string, materials: Array<{ id: string, fileName: string | null, mediaType: string, kind: MaterialKind, sizeBytes: number, state: MaterialState, uploadedAt: string, updatedAt: string, charCount: number | null, durationSec: number | null, language: string | null, preview: string | null, participants: Array<string>, chosenParticipant: string | null, chosenParticipants: Array<string>, notes: Array<string>, downloadUrl: string, removed: boolean, failure: { code: string, reason: string } | null, decoded: { durationSec: number | null, channels: number | null, sampleRate: number | null } | null, chat: { firstMessageAt: string | null, lastMessageAt: string | null, timeZoneKnown: boolean, participants: Array<{ name: string, messageCount: number, firstMessageAt: string | null, lastMessageAt: string | null }> } | null }> } };

export type MaterialDetailQueryVariables = Exact<{
  avatarId: string | number;
  materialId: string | number;
}>;


export type MaterialDetailQuery = { avatar: { id: string, material: { text: string | null, id: string, fileName: string | null, mediaType: string, kind: MaterialKind, sizeBytes: number, state: MaterialState, uploadedAt: string, updatedAt: string, charCount: number | null, durationSec: number | null, language: string | null, preview: string | null, participants: Array<string>, chosenParticipant: string | null, chosenParticipants: Array<string>, notes: Array<string>, downloadUrl: string, removed: boolean, speakers: { sampleId: string, threshold: number | null, personSpeechSec: number | null, otherSpeechSec: number | null, failure: { code: string, reason: string } | null } | null, segments: Array<{ startSec: number | null, endSec: number | null, text: string, speakerSimilarity: number | null, isPerson: boolean | null }>, failure: { code: string, reason: string } | null, decoded: { durationSec: number | null, channels: number | null, sampleRate: number | null } | null, chat: { firstMessageAt: string | null, lastMessageAt: string | null, timeZoneKnown: boolean, participants: Array<{ name: string, messageCount: number, firstMessageAt: string | null, lastMessageAt: string | null }> } | null } } };

export type RemoveMaterialMutationVariables = Exact<{
  avatarId: string | number;
  materialId: string | number;
}>;


export type RemoveMaterialMutation = { removeMaterial: { position: string } };

export type ChooseChatParticipantMutationVariables = Exact<{
  avatarId: string | number;
  materialId: string | number;
  participants: Array<string> | string;
}>;


export type ChooseChatParticipantMutation = { chooseChatParticipant: { position: string } };

export type MaterialChangedSubscriptionVariables = Exact<{
  avatarId: string | number;
}>;


export type MaterialChangedSubscription = { materialChanged: { position: string, material: { id: string, fileName: string | null, mediaType: string, kind: MaterialKind, sizeBytes: number, state: MaterialState, uploadedAt: string, updatedAt: string, charCount: number | null, durationSec: number | null, language: string | null, preview: string | null, participants: Array<string>, chosenParticipant: string | null, chosenParticipants: Array<string>, notes: Array<string>, downloadUrl: string, removed: boolean, failure: { code: string, reason: string } | null, decoded: { durationSec: number | null, channels: number | null, sampleRate: number | null } | null, chat: { firstMessageAt: string | null, lastMessageAt: string | null, timeZoneKnown: boolean, participants: Array<{ name: string, messageCount: number, firstMessageAt: string | null, lastMessageAt: string | null }> } | null } } };

export type ServiceStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceStatusQuery = { status: { ready: boolean, passwordResetByEmail: boolean, parts: Array<{ name: string, ok: boolean, detail: string | null }> } };

export type TestReportFieldsFragment = { runId: string, personaVersion: number, status: TestStatus, startedAt: string | null, createdAt: string, verdict: TestVerdict | null, verdictAgainst: VerdictBasis | null, scoresCapped: boolean | null, worse: boolean | null, headline: ReplySource | null, heldOutPairs: number | null, pairsTested: number | null, notes: Array<string>, overall: { replies: ReplySource, newVersion: number, baseline: number, rawNewVersion: number | null, rawBaseline: number | null, lift: number, liftLow: number, liftHigh: number, n: number } | null, comparedWith: { personaVersion: number, overall: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null } | null, metrics: Array<{ metric: FidelityMetricName, replies: ReplySource | null, measured: boolean, reason: string | null, onScale: boolean, unit: string | null, newVersion: number | null, baseline: number | null, rawNewVersion: number | null, rawBaseline: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null, n: number, quality: MetricQuality, qualityNote: string | null, newVersionOutside: { belowFloor: number, aboveCeiling: number } | null }>, examples: Array<{ message: string, real: string, newVersion: string | null, baseline: string | null }> };

export type RunFieldsFragment = { id: string, status: TrainingStatus, stage: string | null, percent: number, etaSeconds: number | null, startedAt: string, finishedAt: string | null, settings: unknown, personaVersion: number | null, stats: unknown, failure: { code: string, reason: string } | null, materials: Array<{ id: string, fileName: string | null, kind: MaterialKind }>, testReport: { personaVersion: number, status: TestStatus, verdict: TestVerdict | null } | null };

export type TrainingPageQueryVariables = Exact<{
  avatarId: string | number;
}>;


export type TrainingPageQuery = { avatar: { id: string, activePersonaVersion: number | null, materials: Array<{ id: string, state: MaterialState }>, currentTraining: { id: string, status: TrainingStatus, stage: string | null, percent: number, etaSeconds: number | null, startedAt: string, finishedAt: string | null, settings: unknown, personaVersion: number | null, stats: unknown, failure: { code: string, reason: string } | null, materials: Array<{ id: string, fileName: string | null, kind: MaterialKind }>, testReport: { personaVersion: number, status: TestStatus, verdict: TestVerdict | null } | null } | null, trainingRuns: { nodes: Array<{ id: string, status: TrainingStatus, stage: string | null, percent: number, etaSeconds: number | null, startedAt: string, finishedAt: string | null, settings: unknown, personaVersion: number | null, stats: unknown, failure: { code: string, reason: string } | null, materials: Array<{ id: string, fileName: string | null, kind: MaterialKind }>, testReport: { personaVersion: number, status: TestStatus, verdict: TestVerdict | null } | null }> }, personaVersions: Array<{ version: number, runId: string, createdAt: string, active: boolean, stats: unknown, materialsUsed: Array<{ materialId: string, fileName: string }>, testReport: { status: TestStatus, verdict: TestVerdict | null, verdictAgainst: VerdictBasis | null, overall: { newVersion: number } | null, comparedWith: { personaVersion: number } | null } | null }> } };

export type VersionVerdictFieldsFragment = { version: number, runId: string, createdAt: string, active: boolean, stats: unknown, materialsUsed: Array<{ materialId: string, fileName: string }>, testReport: { status: TestStatus, verdict: TestVerdict | null, verdictAgainst: VerdictBasis | null, overall: { newVersion: number } | null, comparedWith: { personaVersion: number } | null } | null };

export type StartTrainingMutationVariables = Exact<{
  avatarId: string | number;
  settings?: unknown;
  clientMutationId?: string | number | null | undefined;
}>;


export type StartTrainingMutation = { startTraining: { runId: string, position: string } };

export type StopTrainingMutationVariables = Exact<{
  avatarId: string | number;
  runId: string | number;
}>;


export type StopTrainingMutation = { stopTraining: { position: string } };

export type ActivatePersonaVersionMutationVariables = Exact<{
  avatarId: string | number;
  version: number;
}>;


export type ActivatePersonaVersionMutation = { activatePersonaVersion: { position: string } };

export type TrainingChangedSubscriptionVariables = Exact<{
  avatarId: string | number;
}>;


export type TrainingChangedSubscription = { trainingChanged: { position: string, run: { id: string, status: TrainingStatus, stage: string | null, percent: number, etaSeconds: number | null, startedAt: string, finishedAt: string | null, settings: unknown, personaVersion: number | null, stats: unknown, failure: { code: string, reason: string } | null, materials: Array<{ id: string, fileName: string | null, kind: MaterialKind }>, testReport: { personaVersion: number, status: TestStatus, verdict: TestVerdict | null } | null } } };

export type TestChangedSubscriptionVariables = Exact<{
  avatarId: string | number;
}>;


export type TestChangedSubscription = { testChanged: { position: string, progress: { step: AvatarTestStep, percent: number } | null, report: { runId: string, personaVersion: number, status: TestStatus, startedAt: string | null, createdAt: string, verdict: TestVerdict | null, verdictAgainst: VerdictBasis | null, scoresCapped: boolean | null, worse: boolean | null, headline: ReplySource | null, heldOutPairs: number | null, pairsTested: number | null, notes: Array<string>, overall: { replies: ReplySource, newVersion: number, baseline: number, rawNewVersion: number | null, rawBaseline: number | null, lift: number, liftLow: number, liftHigh: number, n: number } | null, comparedWith: { personaVersion: number, overall: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null } | null, metrics: Array<{ metric: FidelityMetricName, replies: ReplySource | null, measured: boolean, reason: string | null, onScale: boolean, unit: string | null, newVersion: number | null, baseline: number | null, rawNewVersion: number | null, rawBaseline: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null, n: number, quality: MetricQuality, qualityNote: string | null, newVersionOutside: { belowFloor: number, aboveCeiling: number } | null }>, examples: Array<{ message: string, real: string, newVersion: string | null, baseline: string | null }> } } };

export type TestReportsQueryVariables = Exact<{
  avatarId: string | number;
}>;


export type TestReportsQuery = { avatar: { id: string, activePersonaVersion: number | null, testReports: Array<{ runId: string, personaVersion: number, status: TestStatus, startedAt: string | null, createdAt: string, verdict: TestVerdict | null, verdictAgainst: VerdictBasis | null, scoresCapped: boolean | null, worse: boolean | null, headline: ReplySource | null, heldOutPairs: number | null, pairsTested: number | null, notes: Array<string>, overall: { replies: ReplySource, newVersion: number, baseline: number, rawNewVersion: number | null, rawBaseline: number | null, lift: number, liftLow: number, liftHigh: number, n: number } | null, comparedWith: { personaVersion: number, overall: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null } | null, metrics: Array<{ metric: FidelityMetricName, replies: ReplySource | null, measured: boolean, reason: string | null, onScale: boolean, unit: string | null, newVersion: number | null, baseline: number | null, rawNewVersion: number | null, rawBaseline: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null, n: number, quality: MetricQuality, qualityNote: string | null, newVersionOutside: { belowFloor: number, aboveCeiling: number } | null }>, examples: Array<{ message: string, real: string, newVersion: string | null, baseline: string | null }> }>, replyFeedback: Array<{ personaVersion: number | null, up: number, down: number }>, blindTestScores: Array<{ personaVersion: number, guesses: number, correct: number, accuracy: number | null }> } };

export type PersonaVersionPageQueryVariables = Exact<{
  avatarId: string | number;
  version: number;
}>;


export type PersonaVersionPageQuery = { avatar: { id: string, personaVersion: { version: number, runId: string, createdAt: string, active: boolean, styleProfile: unknown, embedder: string | null, card: { description: string | null, personality: string | null, scenario: string | null, instructions: string | null, gender: Gender | null, languages: Array<string> }, materialsUsed: Array<{ materialId: string, fileName: string, kind: MaterialKind, participant: string | null, passages: number, pairs: number }>, testReport: { runId: string, personaVersion: number, status: TestStatus, startedAt: string | null, createdAt: string, verdict: TestVerdict | null, verdictAgainst: VerdictBasis | null, scoresCapped: boolean | null, worse: boolean | null, headline: ReplySource | null, heldOutPairs: number | null, pairsTested: number | null, notes: Array<string>, overall: { replies: ReplySource, newVersion: number, baseline: number, rawNewVersion: number | null, rawBaseline: number | null, lift: number, liftLow: number, liftHigh: number, n: number } | null, comparedWith: { personaVersion: number, overall: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null } | null, metrics: Array<{ metric: FidelityMetricName, replies: ReplySource | null, measured: boolean, reason: string | null, onScale: boolean, unit: string | null, newVersion: number | null, baseline: number | null, rawNewVersion: number | null, rawBaseline: number | null, lift: number | null, liftLow: number | null, liftHigh: number | null, n: number, quality: MetricQuality, qualityNote: string | null, newVersionOutside: { belowFloor: number, aboveCeiling: number } | null }>, examples: Array<{ message: string, real: string, newVersion: string | null, baseline: string | null }> } | null } } };

export type VoiceSampleFieldsFragment = { id: string, state: VoiceSampleState, durationSec: number | null, loudnessLufs: number | null, speakerConsistency: number | null, submittedAt: string, audioUrl: string, active: boolean, replacesActive: boolean, fileName: string | null, failure: { code: string, reason: string } | null, segment: { materialId: string, startSec: number, endSec: number } | null, preview: { id: string, text: string | null, state: VoicePreviewState, audioUrl: string | null, durationSec: number | null, voice: string | null, requestedAt: string, failure: { code: string, reason: string } | null } | null };

export type VoiceFieldsFragment = { consentWithdrawnAt: string | null, activeSampleId: string | null, consent: { basis: ConsentBasis, personName: string | null, consentGivenOn: string, statement: string | null, recordedAt: string } | null, samples: Array<{ id: string, state: VoiceSampleState, durationSec: number | null, loudnessLufs: number | null, speakerConsistency: number | null, submittedAt: string, audioUrl: string, active: boolean, replacesActive: boolean, fileName: string | null, failure: { code: string, reason: string } | null, segment: { materialId: string, startSec: number, endSec: number } | null, preview: { id: string, text: string | null, state: VoicePreviewState, audioUrl: string | null, durationSec: number | null, voice: string | null, requestedAt: string, failure: { code: string, reason: string } | null } | null }> };

export type VoicePageQueryVariables = Exact<{
  avatarId: string | number;
}>;


export type VoicePageQuery = { avatar: { id: string, name: string | null, voice: { consentWithdrawnAt: string | null, activeSampleId: string | null, consent: { basis: ConsentBasis, personName: string | null, consentGivenOn: string, statement: string | null, recordedAt: string } | null, samples: Array<{ id: string, state: VoiceSampleState, durationSec: number | null, loudnessLufs: number | null, speakerConsistency: number | null, submittedAt: string, audioUrl: string, active: boolean, replacesActive: boolean, fileName: string | null, failure: { code: string, reason: string } | null, segment: { materialId: string, startSec: number, endSec: number } | null, preview: { id: string, text: string | null, state: VoicePreviewState, audioUrl: string | null, durationSec: number | null, voice: string | null, requestedAt: string, failure: { code: string, reason: string } | null } | null }> }, materials: Array<{ id: string, fileName: string | null, kind: MaterialKind, state: MaterialState, durationSec: number | null, downloadUrl: string }> } };

export type RecordVoiceConsentMutationVariables = Exact<{
  avatarId: string | number;
  consent: VoiceConsentInput;
}>;


export type RecordVoiceConsentMutation = { recordVoiceConsent: { position: string } };

export type CutVoiceSampleMutationVariables = Exact<{
  avatarId: string | number;
  materialId: string | number;
  startSec: number;
  endSec: number;
  replacesActive?: boolean | null | undefined;
}>;


export type CutVoiceSampleMutation = { cutVoiceSample: { position: string } };

export type WithdrawVoiceConsentMutationVariables = Exact<{
  avatarId: string | number;
}>;


export type WithdrawVoiceConsentMutation = { withdrawVoiceConsent: { position: string } };

export type ActivateVoiceSampleMutationVariables = Exact<{
  avatarId: string | number;
  sampleId: string | number;
}>;


export type ActivateVoiceSampleMutation = { activateVoiceSample: { position: string } };

export type PreviewVoiceMutationVariables = Exact<{
  avatarId: string | number;
  sampleId: string | number;
  text: string;
}>;


export type PreviewVoiceMutation = { previewVoice: { position: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionFields on Session {
  accessToken
  accessTokenExpiresAt
  user {
    id
    email
    fullName
  }
}
    `, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const AvatarSummaryFragmentDoc = new TypedDocumentString(`
    fragment AvatarSummary on Avatar {
  id
  name
  status
  createdAt
  updatedAt
  activePersonaVersion
}
    `, {"fragmentName":"AvatarSummary"}) as unknown as TypedDocumentString<AvatarSummaryFragment, unknown>;
export const BlindTestRoundFieldsFragmentDoc = new TypedDocumentString(`
    fragment BlindTestRoundFields on BlindTestRound {
  personaVersion
  pairs {
    index
    message
    options {
      id
      text
    }
  }
}
    `, {"fragmentName":"BlindTestRoundFields"}) as unknown as TypedDocumentString<BlindTestRoundFieldsFragment, unknown>;
export const BlindTestScoreFieldsFragmentDoc = new TypedDocumentString(`
    fragment BlindTestScoreFields on BlindTestScore {
  personaVersion
  guesses
  correct
  accuracy
}
    `, {"fragmentName":"BlindTestScoreFields"}) as unknown as TypedDocumentString<BlindTestScoreFieldsFragment, unknown>;
export const ReplyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}
    `, {"fragmentName":"ReplyFields"}) as unknown as TypedDocumentString<ReplyFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment MessageFields on Message {
  id
  chatId
  kind
  text
  sentAt
  editedAt
  deletedAt
  replyState
  voice {
    transcriptState
    audioUrl
    durationSec
    language
    callId
    segments {
      startSec
      endSec
      text
    }
  }
  failure {
    code
    reason
  }
  reply {
    ...ReplyFields
  }
  replies {
    id
  }
}
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}`, {"fragmentName":"MessageFields"}) as unknown as TypedDocumentString<MessageFieldsFragment, unknown>;
export const MessagePageFieldsFragmentDoc = new TypedDocumentString(`
    fragment MessagePageFields on MessageConnection {
  nodes {
    ...MessageFields
  }
  pageInfo {
    hasNextPage
    endCursor
  }
}
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}
fragment MessageFields on Message {
  id
  chatId
  kind
  text
  sentAt
  editedAt
  deletedAt
  replyState
  voice {
    transcriptState
    audioUrl
    durationSec
    language
    callId
    segments {
      startSec
      endSec
      text
    }
  }
  failure {
    code
    reason
  }
  reply {
    ...ReplyFields
  }
  replies {
    id
  }
}`, {"fragmentName":"MessagePageFields"}) as unknown as TypedDocumentString<MessagePageFieldsFragment, unknown>;
export const MaterialFieldsFragmentDoc = new TypedDocumentString(`
    fragment MaterialFields on Material {
  id
  fileName
  mediaType
  kind
  sizeBytes
  state
  failure {
    code
    reason
  }
  decoded {
    durationSec
    channels
    sampleRate
  }
  uploadedAt
  updatedAt
  charCount
  durationSec
  language
  preview
  participants
  chosenParticipant
  chosenParticipants
  chat {
    firstMessageAt
    lastMessageAt
    timeZoneKnown
    participants {
      name
      messageCount
      firstMessageAt
      lastMessageAt
    }
  }
  notes
  downloadUrl
  removed
}
    `, {"fragmentName":"MaterialFields"}) as unknown as TypedDocumentString<MaterialFieldsFragment, unknown>;
export const TestReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment TestReportFields on TestReport {
  runId
  personaVersion
  status
  startedAt
  createdAt
  verdict
  verdictAgainst
  scoresCapped
  worse
  headline
  heldOutPairs
  pairsTested
  notes
  overall {
    replies
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    lift
    liftLow
    liftHigh
    n
  }
  comparedWith {
    personaVersion
    overall
    lift
    liftLow
    liftHigh
  }
  metrics {
    metric
    replies
    measured
    reason
    onScale
    unit
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    newVersionOutside {
      belowFloor
      aboveCeiling
    }
    lift
    liftLow
    liftHigh
    n
    quality
    qualityNote
  }
  examples {
    message
    real
    newVersion
    baseline
  }
}
    `, {"fragmentName":"TestReportFields"}) as unknown as TypedDocumentString<TestReportFieldsFragment, unknown>;
export const RunFieldsFragmentDoc = new TypedDocumentString(`
    fragment RunFields on TrainingRun {
  id
  status
  stage
  percent
  etaSeconds
  startedAt
  finishedAt
  settings
  personaVersion
  stats
  failure {
    code
    reason
  }
  materials {
    id
    fileName
    kind
  }
  testReport {
    personaVersion
    status
    verdict
  }
}
    `, {"fragmentName":"RunFields"}) as unknown as TypedDocumentString<RunFieldsFragment, unknown>;
export const VersionVerdictFieldsFragmentDoc = new TypedDocumentString(`
    fragment VersionVerdictFields on PersonaVersion {
  version
  runId
  createdAt
  active
  stats
  materialsUsed {
    materialId
    fileName
  }
  testReport {
    status
    verdict
    verdictAgainst
    overall {
      newVersion
    }
    comparedWith {
      personaVersion
    }
  }
}
    `, {"fragmentName":"VersionVerdictFields"}) as unknown as TypedDocumentString<VersionVerdictFieldsFragment, unknown>;
export const VoiceSampleFieldsFragmentDoc = new TypedDocumentString(`
    fragment VoiceSampleFields on VoiceSample {
  id
  state
  durationSec
  loudnessLufs
  speakerConsistency
  failure {
    code
    reason
  }
  submittedAt
  audioUrl
  active
  replacesActive
  fileName
  segment {
    materialId
    startSec
    endSec
  }
  preview {
    id
    text
    state
    audioUrl
    durationSec
    voice
    failure {
      code
      reason
    }
    requestedAt
  }
}
    `, {"fragmentName":"VoiceSampleFields"}) as unknown as TypedDocumentString<VoiceSampleFieldsFragment, unknown>;
export const VoiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment VoiceFields on Voice {
  consent {
    basis
    personName
    consentGivenOn
    statement
    recordedAt
  }
  consentWithdrawnAt
  activeSampleId
  samples {
    ...VoiceSampleFields
  }
}
    fragment VoiceSampleFields on VoiceSample {
  id
  state
  durationSec
  loudnessLufs
  speakerConsistency
  failure {
    code
    reason
  }
  submittedAt
  audioUrl
  active
  replacesActive
  fileName
  segment {
    materialId
    startSec
    endSec
  }
  preview {
    id
    text
    state
    audioUrl
    durationSec
    voice
    failure {
      code
      reason
    }
    requestedAt
  }
}`, {"fragmentName":"VoiceFields"}) as unknown as TypedDocumentString<VoiceFieldsFragment, unknown>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    ...SessionFields
  }
}
    fragment SessionFields on Session {
  accessToken
  accessTokenExpiresAt
  user {
    id
    email
    fullName
  }
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) {
    ...SessionFields
  }
}
    fragment SessionFields on Session {
  accessToken
  accessTokenExpiresAt
  user {
    id
    email
    fullName
  }
}`) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($password: String!) {
  deleteAccount(password: $password) {
    position
  }
}
    `) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile {
  me {
    id
    email
    fullName
    registeredAt
    apiTokens {
      id
      name
      issuedAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($fullName: String!) {
  updateProfile(fullName: $fullName) {
    position
  }
}
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const IssueApiTokenDocument = new TypedDocumentString(`
    mutation IssueApiToken($name: String!) {
  issueApiToken(name: $name) {
    secret
    position
    token {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<IssueApiTokenMutation, IssueApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    position
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const ChangeEmailDocument = new TypedDocumentString(`
    mutation ChangeEmail($currentPassword: String!, $newEmail: String!) {
  changeEmail(currentPassword: $currentPassword, newEmail: $newEmail) {
    position
  }
}
    `) as unknown as TypedDocumentString<ChangeEmailMutation, ChangeEmailMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const AvatarListDocument = new TypedDocumentString(`
    query AvatarList($after: String) {
  avatars(first: 50, after: $after) {
    nodes {
      ...AvatarSummary
      materials {
        id
      }
      chats(first: 1) {
        nodes {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AvatarSummary on Avatar {
  id
  name
  status
  createdAt
  updatedAt
  activePersonaVersion
}`) as unknown as TypedDocumentString<AvatarListQuery, AvatarListQueryVariables>;
export const AvatarOverviewDocument = new TypedDocumentString(`
    query AvatarOverview($id: ID!) {
  avatar(id: $id) {
    ...AvatarSummary
    personaCard {
      description
      personality
      scenario
      instructions
      gender
      languages
    }
    materials {
      id
    }
    voice {
      sample {
        id
        state
      }
    }
    chats(first: 100) {
      nodes {
        id
      }
    }
    personaVersions {
      version
    }
  }
}
    fragment AvatarSummary on Avatar {
  id
  name
  status
  createdAt
  updatedAt
  activePersonaVersion
}`) as unknown as TypedDocumentString<AvatarOverviewQuery, AvatarOverviewQueryVariables>;
export const CreateAvatarDocument = new TypedDocumentString(`
    mutation CreateAvatar($name: String!, $clientMutationId: ID) {
  createAvatar(name: $name, clientMutationId: $clientMutationId) {
    avatarId
    position
  }
}
    `) as unknown as TypedDocumentString<CreateAvatarMutation, CreateAvatarMutationVariables>;
export const RenameAvatarDocument = new TypedDocumentString(`
    mutation RenameAvatar($id: ID!, $name: String!) {
  renameAvatar(id: $id, name: $name) {
    position
    avatar {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RenameAvatarMutation, RenameAvatarMutationVariables>;
export const EditPersonaCardDocument = new TypedDocumentString(`
    mutation EditPersonaCard($id: ID!, $card: PersonaCardInput!) {
  editPersonaCard(id: $id, card: $card) {
    position
  }
}
    `) as unknown as TypedDocumentString<EditPersonaCardMutation, EditPersonaCardMutationVariables>;
export const DeleteAvatarDocument = new TypedDocumentString(`
    mutation DeleteAvatar($id: ID!, $confirmName: String!) {
  deleteAvatar(id: $id, confirmName: $confirmName) {
    position
  }
}
    `) as unknown as TypedDocumentString<DeleteAvatarMutation, DeleteAvatarMutationVariables>;
export const AvatarChangedDocument = new TypedDocumentString(`
    subscription AvatarChanged($avatarId: ID) {
  avatarChanged(avatarId: $avatarId) {
    position
    avatar {
      ...AvatarSummary
    }
  }
}
    fragment AvatarSummary on Avatar {
  id
  name
  status
  createdAt
  updatedAt
  activePersonaVersion
}`) as unknown as TypedDocumentString<AvatarChangedSubscription, AvatarChangedSubscriptionVariables>;
export const BlindTestPageDocument = new TypedDocumentString(`
    query BlindTestPage($avatarId: ID!) {
  avatar(id: $avatarId) {
    id
    blindTest {
      ...BlindTestRoundFields
    }
    blindTestScores {
      ...BlindTestScoreFields
    }
    blindTestInvites {
      id
      createdAt
      expiresAt
      revokedAt
      open
      guesses
    }
  }
}
    fragment BlindTestRoundFields on BlindTestRound {
  personaVersion
  pairs {
    index
    message
    options {
      id
      text
    }
  }
}
fragment BlindTestScoreFields on BlindTestScore {
  personaVersion
  guesses
  correct
  accuracy
}`) as unknown as TypedDocumentString<BlindTestPageQuery, BlindTestPageQueryVariables>;
export const GuessBlindTestDocument = new TypedDocumentString(`
    mutation GuessBlindTest($avatarId: ID!, $personaVersion: Int!, $pairIndex: Int!, $optionId: ID!) {
  guessBlindTest(
    avatarId: $avatarId
    personaVersion: $personaVersion
    pairIndex: $pairIndex
    optionId: $optionId
  ) {
    correct
    realOptionId
    counted
    position
  }
}
    `) as unknown as TypedDocumentString<GuessBlindTestMutation, GuessBlindTestMutationVariables>;
export const CreateBlindTestInviteDocument = new TypedDocumentString(`
    mutation CreateBlindTestInvite($avatarId: ID!, $days: Int!) {
  createBlindTestInvite(avatarId: $avatarId, days: $days) {
    token
    invite {
      id
    }
    position
  }
}
    `) as unknown as TypedDocumentString<CreateBlindTestInviteMutation, CreateBlindTestInviteMutationVariables>;
export const RevokeBlindTestInviteDocument = new TypedDocumentString(`
    mutation RevokeBlindTestInvite($avatarId: ID!, $inviteId: ID!) {
  revokeBlindTestInvite(avatarId: $avatarId, inviteId: $inviteId) {
    position
  }
}
    `) as unknown as TypedDocumentString<RevokeBlindTestInviteMutation, RevokeBlindTestInviteMutationVariables>;
export const InvitedBlindTestDocument = new TypedDocumentString(`
    query InvitedBlindTest($token: String!) {
  invitedBlindTest(token: $token) {
    ...BlindTestRoundFields
  }
}
    fragment BlindTestRoundFields on BlindTestRound {
  personaVersion
  pairs {
    index
    message
    options {
      id
      text
    }
  }
}`) as unknown as TypedDocumentString<InvitedBlindTestQuery, InvitedBlindTestQueryVariables>;
export const GuessInvitedBlindTestDocument = new TypedDocumentString(`
    mutation GuessInvitedBlindTest($token: String!, $guesser: ID!, $personaVersion: Int!, $pairIndex: Int!, $optionId: ID!) {
  guessInvitedBlindTest(
    token: $token
    guesser: $guesser
    personaVersion: $personaVersion
    pairIndex: $pairIndex
    optionId: $optionId
  ) {
    correct
    realOptionId
    counted
    position
  }
}
    `) as unknown as TypedDocumentString<GuessInvitedBlindTestMutation, GuessInvitedBlindTestMutationVariables>;
export const ChatListDocument = new TypedDocumentString(`
    query ChatList($avatarId: ID!) {
  avatar(id: $avatarId) {
    id
    chats(first: 100) {
      nodes {
        id
        title
        untitled
        status
        personaVersion
        createdAt
        messageCount
        lastMessageAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ChatListQuery, ChatListQueryVariables>;
export const ChatViewDocument = new TypedDocumentString(`
    query ChatView($chatId: ID!) {
  chat(id: $chatId) {
    id
    title
    untitled
    status
    personaVersion
    messageCount
    messages(first: 50, newestFirst: true) {
      ...MessagePageFields
    }
  }
}
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}
fragment MessageFields on Message {
  id
  chatId
  kind
  text
  sentAt
  editedAt
  deletedAt
  replyState
  voice {
    transcriptState
    audioUrl
    durationSec
    language
    callId
    segments {
      startSec
      endSec
      text
    }
  }
  failure {
    code
    reason
  }
  reply {
    ...ReplyFields
  }
  replies {
    id
  }
}
fragment MessagePageFields on MessageConnection {
  nodes {
    ...MessageFields
  }
  pageInfo {
    hasNextPage
    endCursor
  }
}`) as unknown as TypedDocumentString<ChatViewQuery, ChatViewQueryVariables>;
export const ChatEarlierMessagesDocument = new TypedDocumentString(`
    query ChatEarlierMessages($chatId: ID!, $after: String!) {
  chat(id: $chatId) {
    id
    messages(first: 50, after: $after, newestFirst: true) {
      ...MessagePageFields
    }
  }
}
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}
fragment MessageFields on Message {
  id
  chatId
  kind
  text
  sentAt
  editedAt
  deletedAt
  replyState
  voice {
    transcriptState
    audioUrl
    durationSec
    language
    callId
    segments {
      startSec
      endSec
      text
    }
  }
  failure {
    code
    reason
  }
  reply {
    ...ReplyFields
  }
  replies {
    id
  }
}
fragment MessagePageFields on MessageConnection {
  nodes {
    ...MessageFields
  }
  pageInfo {
    hasNextPage
    endCursor
  }
}`) as unknown as TypedDocumentString<ChatEarlierMessagesQuery, ChatEarlierMessagesQueryVariables>;
export const OpenChatDocument = new TypedDocumentString(`
    mutation OpenChat($avatarId: ID!, $title: String, $personaVersion: Int, $clientMutationId: ID) {
  openChat(
    avatarId: $avatarId
    title: $title
    personaVersion: $personaVersion
    clientMutationId: $clientMutationId
  ) {
    chatId
    position
  }
}
    `) as unknown as TypedDocumentString<OpenChatMutation, OpenChatMutationVariables>;
export const RenameChatDocument = new TypedDocumentString(`
    mutation RenameChat($id: ID!, $title: String!) {
  renameChat(id: $id, title: $title) {
    position
  }
}
    `) as unknown as TypedDocumentString<RenameChatMutation, RenameChatMutationVariables>;
export const DeleteChatDocument = new TypedDocumentString(`
    mutation DeleteChat($id: ID!) {
  deleteChat(id: $id) {
    position
  }
}
    `) as unknown as TypedDocumentString<DeleteChatMutation, DeleteChatMutationVariables>;
export const SendMessageDocument = new TypedDocumentString(`
    mutation SendMessage($chatId: ID!, $text: String!, $clientMutationId: ID) {
  sendMessage(chatId: $chatId, text: $text, clientMutationId: $clientMutationId) {
    messageId
    position
    message {
      ...MessageFields
    }
  }
}
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}
fragment MessageFields on Message {
  id
  chatId
  kind
  text
  sentAt
  editedAt
  deletedAt
  replyState
  voice {
    transcriptState
    audioUrl
    durationSec
    language
    callId
    segments {
      startSec
      endSec
      text
    }
  }
  failure {
    code
    reason
  }
  reply {
    ...ReplyFields
  }
  replies {
    id
  }
}`) as unknown as TypedDocumentString<SendMessageMutation, SendMessageMutationVariables>;
export const CancelReplyDocument = new TypedDocumentString(`
    mutation CancelReply($chatId: ID!, $messageId: ID!) {
  cancelReply(chatId: $chatId, messageId: $messageId) {
    position
  }
}
    `) as unknown as TypedDocumentString<CancelReplyMutation, CancelReplyMutationVariables>;
export const ReplyTokensDocument = new TypedDocumentString(`
    subscription ReplyTokens($chatId: ID!) {
  replyTokens(chatId: $chatId) {
    messageId
    index
    text
    done
  }
}
    `) as unknown as TypedDocumentString<ReplyTokensSubscription, ReplyTokensSubscriptionVariables>;
export const MessageChangedDocument = new TypedDocumentString(`
    subscription MessageChanged($chatId: ID!) {
  messageChanged(chatId: $chatId) {
    position
    message {
      ...MessageFields
    }
  }
}
    fragment ReplyFields on Reply {
  id
  text
  personaVersion
  latencyMs
  model
  closeness
  lowConfidence
  rating
  repliedAt
  cut {
    heardSec
    spokenSec
    heardText
  }
  sources {
    id
    kind
    text
    prompt
    startSec
    saidAt
    material {
      id
      fileName
      uploadedAt
    }
  }
  dub {
    state
    audioUrl
    durationSec
    voice
    madeUnderWithdrawnConsent
    failure {
      code
      reason
    }
  }
}
fragment MessageFields on Message {
  id
  chatId
  kind
  text
  sentAt
  editedAt
  deletedAt
  replyState
  voice {
    transcriptState
    audioUrl
    durationSec
    language
    callId
    segments {
      startSec
      endSec
      text
    }
  }
  failure {
    code
    reason
  }
  reply {
    ...ReplyFields
  }
  replies {
    id
  }
}`) as unknown as TypedDocumentString<MessageChangedSubscription, MessageChangedSubscriptionVariables>;
export const RegenerateReplyDocument = new TypedDocumentString(`
    mutation RegenerateReply($chatId: ID!, $messageId: ID!) {
  regenerateReply(chatId: $chatId, messageId: $messageId) {
    position
  }
}
    `) as unknown as TypedDocumentString<RegenerateReplyMutation, RegenerateReplyMutationVariables>;
export const ChooseReplyDocument = new TypedDocumentString(`
    mutation ChooseReply($chatId: ID!, $messageId: ID!, $replyId: ID!) {
  chooseReply(chatId: $chatId, messageId: $messageId, replyId: $replyId) {
    position
  }
}
    `) as unknown as TypedDocumentString<ChooseReplyMutation, ChooseReplyMutationVariables>;
export const RateReplyDocument = new TypedDocumentString(`
    mutation RateReply($chatId: ID!, $replyId: ID!, $rating: Rating) {
  rateReply(chatId: $chatId, replyId: $replyId, rating: $rating) {
    position
  }
}
    `) as unknown as TypedDocumentString<RateReplyMutation, RateReplyMutationVariables>;
export const EditMessageDocument = new TypedDocumentString(`
    mutation EditMessage($chatId: ID!, $messageId: ID!, $text: String!) {
  editMessage(chatId: $chatId, messageId: $messageId, text: $text) {
    position
  }
}
    `) as unknown as TypedDocumentString<EditMessageMutation, EditMessageMutationVariables>;
export const DeleteMessageDocument = new TypedDocumentString(`
    mutation DeleteMessage($chatId: ID!, $messageId: ID!) {
  deleteMessage(chatId: $chatId, messageId: $messageId) {
    position
  }
}
    `) as unknown as TypedDocumentString<DeleteMessageMutation, DeleteMessageMutationVariables>;
export const SearchChatsDocument = new TypedDocumentString(`
    query SearchChats($avatarId: ID!, $text: String!) {
  searchChats(avatarId: $avatarId, text: $text, first: 50) {
    chatId
    chatTitle
    message {
      id
      text
      sentAt
      reply {
        id
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchChatsQuery, SearchChatsQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($avatarId: ID!, $after: String, $kinds: [TimelineKind!]) {
  avatar(id: $avatarId) {
    id
    chainHead {
      hash
      revision
    }
    materials(includeRemoved: true) {
      id
      fileName
    }
    timeline(first: 50, after: $after, kinds: $kinds) {
      nodes {
        position
        type
        kind
        actor
        occurredAt
        summary
        chatId
        details
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const MaterialListDocument = new TypedDocumentString(`
    query MaterialList($avatarId: ID!) {
  avatar(id: $avatarId) {
    id
    materials {
      ...MaterialFields
    }
  }
}
    fragment MaterialFields on Material {
  id
  fileName
  mediaType
  kind
  sizeBytes
  state
  failure {
    code
    reason
  }
  decoded {
    durationSec
    channels
    sampleRate
  }
  uploadedAt
  updatedAt
  charCount
  durationSec
  language
  preview
  participants
  chosenParticipant
  chosenParticipants
  chat {
    firstMessageAt
    lastMessageAt
    timeZoneKnown
    participants {
      name
      messageCount
      firstMessageAt
      lastMessageAt
    }
  }
  notes
  downloadUrl
  removed
}`) as unknown as TypedDocumentString<MaterialListQuery, MaterialListQueryVariables>;
export const MaterialDetailDocument = new TypedDocumentString(`
    query MaterialDetail($avatarId: ID!, $materialId: ID!) {
  avatar(id: $avatarId) {
    id
    material(id: $materialId) {
      ...MaterialFields
      text(maxChars: 20000)
      speakers {
        sampleId
        threshold
        personSpeechSec
        otherSpeechSec
        failure {
          code
          reason
        }
      }
      segments(first: 500) {
        startSec
        endSec
        text
        speakerSimilarity
        isPerson
      }
    }
  }
}
    fragment MaterialFields on Material {
  id
  fileName
  mediaType
  kind
  sizeBytes
  state
  failure {
    code
    reason
  }
  decoded {
    durationSec
    channels
    sampleRate
  }
  uploadedAt
  updatedAt
  charCount
  durationSec
  language
  preview
  participants
  chosenParticipant
  chosenParticipants
  chat {
    firstMessageAt
    lastMessageAt
    timeZoneKnown
    participants {
      name
      messageCount
      firstMessageAt
      lastMessageAt
    }
  }
  notes
  downloadUrl
  removed
}`) as unknown as TypedDocumentString<MaterialDetailQuery, MaterialDetailQueryVariables>;
export const RemoveMaterialDocument = new TypedDocumentString(`
    mutation RemoveMaterial($avatarId: ID!, $materialId: ID!) {
  removeMaterial(avatarId: $avatarId, materialId: $materialId) {
    position
  }
}
    `) as unknown as TypedDocumentString<RemoveMaterialMutation, RemoveMaterialMutationVariables>;
export const ChooseChatParticipantDocument = new TypedDocumentString(`
    mutation ChooseChatParticipant($avatarId: ID!, $materialId: ID!, $participants: [String!]!) {
  chooseChatParticipant(
    avatarId: $avatarId
    materialId: $materialId
    participants: $participants
  ) {
    position
  }
}
    `) as unknown as TypedDocumentString<ChooseChatParticipantMutation, ChooseChatParticipantMutationVariables>;
export const MaterialChangedDocument = new TypedDocumentString(`
    subscription MaterialChanged($avatarId: ID!) {
  materialChanged(avatarId: $avatarId) {
    position
    material {
      ...MaterialFields
    }
  }
}
    fragment MaterialFields on Material {
  id
  fileName
  mediaType
  kind
  sizeBytes
  state
  failure {
    code
    reason
  }
  decoded {
    durationSec
    channels
    sampleRate
  }
  uploadedAt
  updatedAt
  charCount
  durationSec
  language
  preview
  participants
  chosenParticipant
  chosenParticipants
  chat {
    firstMessageAt
    lastMessageAt
    timeZoneKnown
    participants {
      name
      messageCount
      firstMessageAt
      lastMessageAt
    }
  }
  notes
  downloadUrl
  removed
}`) as unknown as TypedDocumentString<MaterialChangedSubscription, MaterialChangedSubscriptionVariables>;
export const ServiceStatusDocument = new TypedDocumentString(`
    query ServiceStatus {
  status {
    ready
    parts {
      name
      ok
      detail
    }
    passwordResetByEmail
  }
}
    `) as unknown as TypedDocumentString<ServiceStatusQuery, ServiceStatusQueryVariables>;
export const TrainingPageDocument = new TypedDocumentString(`
    query TrainingPage($avatarId: ID!) {
  avatar(id: $avatarId) {
    id
    activePersonaVersion
    materials {
      id
      state
    }
    currentTraining {
      ...RunFields
    }
    trainingRuns(first: 50) {
      nodes {
        ...RunFields
      }
    }
    personaVersions {
      ...VersionVerdictFields
    }
  }
}
    fragment RunFields on TrainingRun {
  id
  status
  stage
  percent
  etaSeconds
  startedAt
  finishedAt
  settings
  personaVersion
  stats
  failure {
    code
    reason
  }
  materials {
    id
    fileName
    kind
  }
  testReport {
    personaVersion
    status
    verdict
  }
}
fragment VersionVerdictFields on PersonaVersion {
  version
  runId
  createdAt
  active
  stats
  materialsUsed {
    materialId
    fileName
  }
  testReport {
    status
    verdict
    verdictAgainst
    overall {
      newVersion
    }
    comparedWith {
      personaVersion
    }
  }
}`) as unknown as TypedDocumentString<TrainingPageQuery, TrainingPageQueryVariables>;
export const StartTrainingDocument = new TypedDocumentString(`
    mutation StartTraining($avatarId: ID!, $settings: JSON, $clientMutationId: ID) {
  startTraining(
    avatarId: $avatarId
    settings: $settings
    clientMutationId: $clientMutationId
  ) {
    runId
    position
  }
}
    `) as unknown as TypedDocumentString<StartTrainingMutation, StartTrainingMutationVariables>;
export const StopTrainingDocument = new TypedDocumentString(`
    mutation StopTraining($avatarId: ID!, $runId: ID!) {
  stopTraining(avatarId: $avatarId, runId: $runId) {
    position
  }
}
    `) as unknown as TypedDocumentString<StopTrainingMutation, StopTrainingMutationVariables>;
export const ActivatePersonaVersionDocument = new TypedDocumentString(`
    mutation ActivatePersonaVersion($avatarId: ID!, $version: Int!) {
  activatePersonaVersion(avatarId: $avatarId, version: $version) {
    position
  }
}
    `) as unknown as TypedDocumentString<ActivatePersonaVersionMutation, ActivatePersonaVersionMutationVariables>;
export const TrainingChangedDocument = new TypedDocumentString(`
    subscription TrainingChanged($avatarId: ID!) {
  trainingChanged(avatarId: $avatarId) {
    position
    run {
      ...RunFields
    }
  }
}
    fragment RunFields on TrainingRun {
  id
  status
  stage
  percent
  etaSeconds
  startedAt
  finishedAt
  settings
  personaVersion
  stats
  failure {
    code
    reason
  }
  materials {
    id
    fileName
    kind
  }
  testReport {
    personaVersion
    status
    verdict
  }
}`) as unknown as TypedDocumentString<TrainingChangedSubscription, TrainingChangedSubscriptionVariables>;
export const TestChangedDocument = new TypedDocumentString(`
    subscription TestChanged($avatarId: ID!) {
  testChanged(avatarId: $avatarId) {
    position
    progress {
      step
      percent
    }
    report {
      ...TestReportFields
    }
  }
}
    fragment TestReportFields on TestReport {
  runId
  personaVersion
  status
  startedAt
  createdAt
  verdict
  verdictAgainst
  scoresCapped
  worse
  headline
  heldOutPairs
  pairsTested
  notes
  overall {
    replies
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    lift
    liftLow
    liftHigh
    n
  }
  comparedWith {
    personaVersion
    overall
    lift
    liftLow
    liftHigh
  }
  metrics {
    metric
    replies
    measured
    reason
    onScale
    unit
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    newVersionOutside {
      belowFloor
      aboveCeiling
    }
    lift
    liftLow
    liftHigh
    n
    quality
    qualityNote
  }
  examples {
    message
    real
    newVersion
    baseline
  }
}`) as unknown as TypedDocumentString<TestChangedSubscription, TestChangedSubscriptionVariables>;
export const TestReportsDocument = new TypedDocumentString(`
    query TestReports($avatarId: ID!) {
  avatar(id: $avatarId) {
    id
    activePersonaVersion
    testReports {
      ...TestReportFields
    }
    replyFeedback {
      personaVersion
      up
      down
    }
    blindTestScores {
      ...BlindTestScoreFields
    }
  }
}
    fragment BlindTestScoreFields on BlindTestScore {
  personaVersion
  guesses
  correct
  accuracy
}
fragment TestReportFields on TestReport {
  runId
  personaVersion
  status
  startedAt
  createdAt
  verdict
  verdictAgainst
  scoresCapped
  worse
  headline
  heldOutPairs
  pairsTested
  notes
  overall {
    replies
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    lift
    liftLow
    liftHigh
    n
  }
  comparedWith {
    personaVersion
    overall
    lift
    liftLow
    liftHigh
  }
  metrics {
    metric
    replies
    measured
    reason
    onScale
    unit
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    newVersionOutside {
      belowFloor
      aboveCeiling
    }
    lift
    liftLow
    liftHigh
    n
    quality
    qualityNote
  }
  examples {
    message
    real
    newVersion
    baseline
  }
}`) as unknown as TypedDocumentString<TestReportsQuery, TestReportsQueryVariables>;
export const PersonaVersionPageDocument = new TypedDocumentString(`
    query PersonaVersionPage($avatarId: ID!, $version: Int!) {
  avatar(id: $avatarId) {
    id
    personaVersion(version: $version) {
      version
      runId
      createdAt
      active
      styleProfile
      embedder
      card {
        description
        personality
        scenario
        instructions
        gender
        languages
      }
      materialsUsed {
        materialId
        fileName
        kind
        participant
        passages
        pairs
      }
      testReport {
        ...TestReportFields
      }
    }
  }
}
    fragment TestReportFields on TestReport {
  runId
  personaVersion
  status
  startedAt
  createdAt
  verdict
  verdictAgainst
  scoresCapped
  worse
  headline
  heldOutPairs
  pairsTested
  notes
  overall {
    replies
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    lift
    liftLow
    liftHigh
    n
  }
  comparedWith {
    personaVersion
    overall
    lift
    liftLow
    liftHigh
  }
  metrics {
    metric
    replies
    measured
    reason
    onScale
    unit
    newVersion
    baseline
    rawNewVersion
    rawBaseline
    newVersionOutside {
      belowFloor
      aboveCeiling
    }
    lift
    liftLow
    liftHigh
    n
    quality
    qualityNote
  }
  examples {
    message
    real
    newVersion
    baseline
  }
}`) as unknown as TypedDocumentString<PersonaVersionPageQuery, PersonaVersionPageQueryVariables>;
export const VoicePageDocument = new TypedDocumentString(`
    query VoicePage($avatarId: ID!) {
  avatar(id: $avatarId) {
    id
    name
    voice {
      ...VoiceFields
    }
    materials {
      id
      fileName
      kind
      state
      durationSec
      downloadUrl
    }
  }
}
    fragment VoiceSampleFields on VoiceSample {
  id
  state
  durationSec
  loudnessLufs
  speakerConsistency
  failure {
    code
    reason
  }
  submittedAt
  audioUrl
  active
  replacesActive
  fileName
  segment {
    materialId
    startSec
    endSec
  }
  preview {
    id
    text
    state
    audioUrl
    durationSec
    voice
    failure {
      code
      reason
    }
    requestedAt
  }
}
fragment VoiceFields on Voice {
  consent {
    basis
    personName
    consentGivenOn
    statement
    recordedAt
  }
  consentWithdrawnAt
  activeSampleId
  samples {
    ...VoiceSampleFields
  }
}`) as unknown as TypedDocumentString<VoicePageQuery, VoicePageQueryVariables>;
export const RecordVoiceConsentDocument = new TypedDocumentString(`
    mutation RecordVoiceConsent($avatarId: ID!, $consent: VoiceConsentInput!) {
  recordVoiceConsent(avatarId: $avatarId, consent: $consent) {
    position
  }
}
    `) as unknown as TypedDocumentString<RecordVoiceConsentMutation, RecordVoiceConsentMutationVariables>;
export const CutVoiceSampleDocument = new TypedDocumentString(`
    mutation CutVoiceSample($avatarId: ID!, $materialId: ID!, $startSec: Float!, $endSec: Float!, $replacesActive: Boolean) {
  cutVoiceSample(
    avatarId: $avatarId
    materialId: $materialId
    startSec: $startSec
    endSec: $endSec
    replacesActive: $replacesActive
  ) {
    position
  }
}
    `) as unknown as TypedDocumentString<CutVoiceSampleMutation, CutVoiceSampleMutationVariables>;
export const WithdrawVoiceConsentDocument = new TypedDocumentString(`
    mutation WithdrawVoiceConsent($avatarId: ID!) {
  withdrawVoiceConsent(avatarId: $avatarId) {
    position
  }
}
    `) as unknown as TypedDocumentString<WithdrawVoiceConsentMutation, WithdrawVoiceConsentMutationVariables>;
export const ActivateVoiceSampleDocument = new TypedDocumentString(`
    mutation ActivateVoiceSample($avatarId: ID!, $sampleId: ID!) {
  activateVoiceSample(avatarId: $avatarId, sampleId: $sampleId) {
    position
  }
}
    `) as unknown as TypedDocumentString<ActivateVoiceSampleMutation, ActivateVoiceSampleMutationVariables>;
export const PreviewVoiceDocument = new TypedDocumentString(`
    mutation PreviewVoice($avatarId: ID!, $sampleId: ID!, $text: String!) {
  previewVoice(avatarId: $avatarId, sampleId: $sampleId, text: $text) {
    position
  }
}
    `) as unknown as TypedDocumentString<PreviewVoiceMutation, PreviewVoiceMutationVariables>;