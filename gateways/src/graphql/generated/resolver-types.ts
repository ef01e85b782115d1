import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RequestContext } from '../request-context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO-8601 string in UTC. */
  DateTime: { input: Date; output: Date | string; }
  /** Any JSON value (settings, statistics, reports). */
  JSON: { input: unknown; output: unknown; }
  /**
   * A position in the event log, as a decimal string. Every mutation returns the
   * position of its last event; send it back in the `Bishop-Consistent-With`
   * header (or wait on a payload's fields) to read your own writes.
   */
  Position: { input: bigint; output: bigint | string; }
};

/** A named, revocable credential for integrations; its secret is shown once, at issue. */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** Token id. */
  id: Scalars['ID']['output'];
  /** When it was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** When it was last used to authenticate, if ever (updated at most once a minute). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Name the user gave it (e.g. the integration using it). */
  name: Scalars['String']['output'];
  /** When it was revoked, if it was. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An AI avatar: the digital twin of one real person. */
export type Avatar = {
  __typename?: 'Avatar';
  /** The persona version replies use (the last completed run unless rolled back); null before the first training. */
  activePersonaVersion?: Maybe<Scalars['Int']['output']>;
  /** The blind test of the active persona version; null before a tested version has pairs to show. */
  blindTest?: Maybe<BlindTestRound>;
  /** Invite links to the blind test, newest first. */
  blindTestInvites: Array<BlindTestInvite>;
  /** The blind test's accuracy per persona version, newest first (next to the automatic test report). */
  blindTestScores: Array<BlindTestScore>;
  /** Head of the avatar's hash chain (its newest event's link): note it to prove later that history was not rewritten. */
  chainHead?: Maybe<ChainHead>;
  /** The avatar's chats, most recently active first. */
  chats: ChatConnection;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The running training run, if any. */
  currentTraining?: Maybe<TrainingRun>;
  /** Which personal fields were erased. */
  erasure: Erasure;
  /** Avatar id. */
  id: Scalars['ID']['output'];
  /** One material of this avatar. */
  material: Material;
  /** Uploaded materials (at most 1,000 live ones per avatar) in upload order; removed ones only when asked. */
  materials: Array<Material>;
  /** Name shown to the user (usually the person's name); null once erased. */
  name?: Maybe<Scalars['String']['output']>;
  /** The hand-written card that complements training on real material. */
  personaCard: PersonaCard;
  /** Time travel: one persona version, to see the avatar as it was then (and open a chat pinned to it). */
  personaVersion: PersonaVersion;
  /** Every completed persona version, newest first. */
  personaVersions: Array<PersonaVersion>;
  /** The user's ratings of this avatar's replies, per persona version (user feedback next to the test reports). */
  replyFeedback: Array<ReplyFeedback>;
  /** Whether the avatar is live or deleted (a deleted avatar keeps only a tombstone). */
  status: AvatarStatus;
  /** Fidelity test reports, one per tested training run, newest first. */
  testReports: Array<TestReport>;
  /** Everything that happened to the avatar and its chats, newest first, optionally only some kinds. */
  timeline: TimelineConnection;
  /** Training runs, newest first. */
  trainingRuns: TrainingRunConnection;
  /** When anything about it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Voice consent and voice sample. */
  voice: Voice;
};


/** An AI avatar: the digital twin of one real person. */
export type AvatarChatsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An AI avatar: the digital twin of one real person. */
export type AvatarMaterialArgs = {
  id: Scalars['ID']['input'];
};


/** An AI avatar: the digital twin of one real person. */
export type AvatarMaterialsArgs = {
  includeRemoved?: InputMaybe<Scalars['Boolean']['input']>;
};


/** An AI avatar: the digital twin of one real person. */
export type AvatarPersonaVersionArgs = {
  version: Scalars['Int']['input'];
};


/** An AI avatar: the digital twin of one real person. */
export type AvatarTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<TimelineKind>>;
};


/** An AI avatar: the digital twin of one real person. */
export type AvatarTrainingRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What happened to an avatar. */
export type AvatarChange = {
  __typename?: 'AvatarChange';
  /** The avatar now. */
  avatar: Avatar;
  /** Position of the change. */
  position: Scalars['Position']['output'];
};

/** A page of avatars. */
export type AvatarConnection = {
  __typename?: 'AvatarConnection';
  /** The avatars of this page. */
  nodes: Array<Avatar>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** Result of creating an avatar. */
export type AvatarPayload = MutationPayload & {
  __typename?: 'AvatarPayload';
  /** The avatar as the read models show it once they include this write. */
  avatar: Avatar;
  /** Id of the avatar. */
  avatarId: Scalars['ID']['output'];
  /** True when the request had already been applied. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
};

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

/** What a guess was. */
export type BlindTestGuess = MutationPayload & {
  __typename?: 'BlindTestGuess';
  /** True when the guess picked the person's real reply. */
  correct: Scalars['Boolean']['output'];
  /** False when this person had guessed this pair before: only the first guess counts. */
  counted: Scalars['Boolean']['output'];
  /** True when the request had already been applied. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
  /** The id of the real reply of the pair. */
  realOptionId: Scalars['ID']['output'];
};

/** A link that lets someone without an account take the blind test and see nothing else. */
export type BlindTestInvite = {
  __typename?: 'BlindTestInvite';
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Guesses made through it. */
  guesses: Scalars['Int']['output'];
  /** Invite id. */
  id: Scalars['ID']['output'];
  /** Whether it still works (not revoked, not expired). */
  open: Scalars['Boolean']['output'];
  /** When the owner revoked it, if they did. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One of the two replies shown for a held-out message; its id tells nothing of who wrote it. */
export type BlindTestOption = {
  __typename?: 'BlindTestOption';
  /** Pick it by this id. */
  id: Scalars['ID']['output'];
  /** The reply. */
  text: Scalars['String']['output'];
};

/** A held-out message with the person's real reply and the avatar's, in random order. */
export type BlindTestPair = {
  __typename?: 'BlindTestPair';
  /** Which pair of this persona version (stable). */
  index: Scalars['Int']['output'];
  /** Someone's message to the person. */
  message: Scalars['String']['output'];
  /** The two replies, shuffled on every read. */
  options: Array<BlindTestOption>;
};

/** "Which one is real?": the active persona version's held-out pairs. */
export type BlindTestRound = {
  __typename?: 'BlindTestRound';
  /** The pairs (held-out messages the automatic test answered with something other than the real reply). */
  pairs: Array<BlindTestPair>;
  /** The persona version whose replies are shown. */
  personaVersion: Scalars['Int']['output'];
};

/** How people did at telling the person from one persona version. */
export type BlindTestScore = {
  __typename?: 'BlindTestScore';
  /** correct / guesses (0–1); 0.5 means the avatar cannot be told from the person. Null before any guess. */
  accuracy?: Maybe<Scalars['Float']['output']>;
  /** Guesses that picked the real reply. */
  correct: Scalars['Int']['output'];
  /** Guesses counted (each person's first guess on each pair). */
  guesses: Scalars['Int']['output'];
  /** The persona version. */
  personaVersion: Scalars['Int']['output'];
};

/** The newest link of a stream's hash chain: each event's hash covers the one before it. */
export type ChainHead = {
  __typename?: 'ChainHead';
  /** sha256 (hex) of the newest event and, through it, of every earlier one. */
  hash: Scalars['String']['output'];
  /** Revision of that event in the avatar's stream (0 is the first). */
  revision: Scalars['Int']['output'];
};

/** A conversation with an avatar. */
export type Chat = {
  __typename?: 'Chat';
  /** The avatar spoken to. */
  avatar: Avatar;
  /** When it was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** Chat id. */
  id: Scalars['ID']['output'];
  /** When the last message was sent. */
  lastMessageAt?: Maybe<Scalars['DateTime']['output']>;
  /** Number of messages sent. */
  messageCount: Scalars['Int']['output'];
  /** Messages with their replies; oldest first by default. */
  messages: MessageConnection;
  /** Time travel: the earlier persona version this chat always answers with; null follows the active version. */
  personaVersion?: Maybe<Scalars['Int']['output']>;
  /** Whether the chat is open or deleted. */
  status: ChatStatus;
  /** Title; null until the first message names a chat opened without one (see `untitled`), and once erased. */
  title?: Maybe<Scalars['String']['output']>;
  /** True while a chat opened without a title waits for its first message to name it. */
  untitled: Scalars['Boolean']['output'];
  /** When anything in it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A conversation with an avatar. */
export type ChatMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  newestFirst?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of chats. */
export type ChatConnection = {
  __typename?: 'ChatConnection';
  /** The chats of this page. */
  nodes: Array<Chat>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** What a chat export holds, to check the import before choosing the person. */
export type ChatFacts = {
  __typename?: 'ChatFacts';
  /** The first message with a readable time. */
  firstMessageAt?: Maybe<Scalars['DateTime']['output']>;
  /** The last message with a readable time. */
  lastMessageAt?: Maybe<Scalars['DateTime']['output']>;
  /** Everyone who wrote, most active first. */
  participants: Array<ChatParticipantFacts>;
  /** False when the export records no time zone (WhatsApp, old Telegram): its times are the exporting device's clock, given here as if it were UTC, so show them in UTC. */
  timeZoneKnown: Scalars['Boolean']['output'];
};

/** One participant of a chat export: how much and when they wrote. */
export type ChatParticipantFacts = {
  __typename?: 'ChatParticipantFacts';
  /** Their first message (null when none of their messages has a readable time). */
  firstMessageAt?: Maybe<Scalars['DateTime']['output']>;
  /** Their last message. */
  lastMessageAt?: Maybe<Scalars['DateTime']['output']>;
  /** Messages they wrote (the app's own notices are not counted). */
  messageCount: Scalars['Int']['output'];
  /** Name as the export shows it. */
  name: Scalars['String']['output'];
};

/** Result of opening a chat. */
export type ChatPayload = MutationPayload & {
  __typename?: 'ChatPayload';
  /** The chat as the read models show it once they include this write. */
  chat: Chat;
  /** Id of the chat. */
  chatId: Scalars['ID']['output'];
  /** True when the request had already been applied. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
};

/** Whether a chat is usable. */
export type ChatStatus =
  /** Deleted. */
  | 'DELETED'
  /** Open. */
  | 'OPEN';

/** The material a source comes from. */
export type CitedMaterial = {
  __typename?: 'CitedMaterial';
  /** Its file name; null once erased. */
  fileName?: Maybe<Scalars['String']['output']>;
  /** Material id. */
  id: Scalars['ID']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTime']['output'];
};

/** Something a reply drew on. */
export type CitedSource = {
  __typename?: 'CitedSource';
  /** One of the reply's `sourceIds`. */
  id: Scalars['ID']['output'];
  /** What it is. */
  kind: CitedSourceKind;
  /** The material it comes from; null for an exchange of this chat, or a material since removed. */
  material?: Maybe<CitedMaterial>;
  /** A past reply: the message the person was answering; an exchange: what the user wrote. */
  prompt?: Maybe<Scalars['String']['output']>;
  /** An exchange of this chat: when its message was sent. */
  saidAt?: Maybe<Scalars['DateTime']['output']>;
  /** In a recording: where it was said, seconds from the start. */
  startSec?: Maybe<Scalars['Float']['output']>;
  /** What was drawn on, a few sentences; null once erased. */
  text?: Maybe<Scalars['String']['output']>;
};

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

/** A new invite with its secret token: the link is shown once, never again. */
export type CreatedBlindTestInvite = MutationPayload & {
  __typename?: 'CreatedBlindTestInvite';
  /** Always false: every call makes a new invite. */
  duplicate: Scalars['Boolean']['output'];
  /** The invite. */
  invite: BlindTestInvite;
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
  /** The token to put into the link (`/blind/<token>`). */
  token: Scalars['String']['output'];
};

/** What was decoded of a recording; each figure is null when the file does not say. */
export type DecodedMedia = {
  __typename?: 'DecodedMedia';
  /** Audio channels as stored (1 mono, 2 stereo); decoding mixes them to one. */
  channels?: Maybe<Scalars['Int']['output']>;
  /** Length of the audio, in seconds. */
  durationSec?: Maybe<Scalars['Float']['output']>;
  /** Sample rate as stored, in Hz; decoding resamples to 16,000. */
  sampleRate?: Maybe<Scalars['Int']['output']>;
};

/** A mutation whose only result is that it happened. */
export type Done = MutationPayload & {
  __typename?: 'Done';
  /** True when the request had already been applied. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
};

/** The spoken version of a reply (marked as synthetic in its metadata). */
export type Dub = {
  __typename?: 'Dub';
  /** Relative URL of the audio (send your access token). */
  audioUrl?: Maybe<Scalars['String']['output']>;
  /** Length in seconds. */
  durationSec?: Maybe<Scalars['Float']['output']>;
  /** Why synthesis failed. */
  failure?: Maybe<Failure>;
  /** True for a cloned dub made under a voice consent that was withdrawn since (it stays, marked). */
  madeUnderWithdrawnConsent: Scalars['Boolean']['output'];
  /** State. */
  state: DubState;
  /** Whether the person's cloned voice or a generic voice spoke. */
  voice?: Maybe<Scalars['String']['output']>;
};

/** State of a reply's spoken version. */
export type DubState =
  /** Synthesis failed; see `failure`. */
  | 'FAILED'
  /** Audio ready; see `audioUrl`. */
  | 'READY';

/** Fields a person or the service deleted (crypto-shredded) read as null; this says which. */
export type Erasure = {
  __typename?: 'Erasure';
  /** True when personal data of this item was erased. */
  erased: Scalars['Boolean']['output'];
  /** Names of the erased fields. */
  fields: Array<Scalars['String']['output']>;
};

/** Why something failed, in words a person understands. */
export type Failure = {
  __typename?: 'Failure';
  /** Stable code for programs. */
  code: Scalars['String']['output'];
  /** Explanation for people. */
  reason: Scalars['String']['output'];
};

/** One metric of a test report. */
export type FidelityMetric = {
  __typename?: 'FidelityMetric';
  /** Mean score of the untrained baseline (persona card only; voice: a generic voice). */
  baseline?: Maybe<Scalars['Float']['output']>;
  /** Text metrics: the baseline's replies past the floor or the ceiling; null as for `rawNewVersion`. */
  baselineOutside?: Maybe<ScaleOverflow>;
  /** Raw score of the ceiling (the person's own other held-out replies; for voice, the sample against itself). */
  ceiling?: Maybe<Scalars['Float']['output']>;
  /** Raw score of the floor (another person's words; for voice, the generic voice). */
  floor?: Maybe<Scalars['Float']['output']>;
  /** newVersion − baseline; higher is better. */
  lift?: Maybe<Scalars['Float']['output']>;
  /** Upper end of the lift's 95 % bootstrap confidence interval. */
  liftHigh?: Maybe<Scalars['Float']['output']>;
  /** Lower end of the lift's 95 % bootstrap confidence interval. */
  liftLow?: Maybe<Scalars['Float']['output']>;
  /** False when it could not be measured; then `reason` says why and the figures are null. */
  measured: Scalars['Boolean']['output'];
  /** The metric. */
  metric: FidelityMetricName;
  /** Models behind the figures. */
  models: Array<Scalars['String']['output']>;
  /** Items scored (held-out pairs, or dubs). */
  n: Scalars['Int']['output'];
  /** Mean score of the new version (text: 0 = anyone, 1 = the person, each reply capped to that span; voice: see `unit`). */
  newVersion?: Maybe<Scalars['Float']['output']>;
  /** Text metrics: the new version's replies past the floor or the ceiling; null as for `rawNewVersion`. */
  newVersionOutside?: Maybe<ScaleOverflow>;
  /** True for text metrics, whose figures lie on the 0 (anyone) … 1 (the person) scale; false for voice metrics, whose figures are raw in `unit`. */
  onScale: Scalars['Boolean']['output'];
  /** Whether the figures mean something. */
  quality: MetricQuality;
  /** "measured with a test model (not meaningful)" for test-model figures. */
  qualityNote?: Maybe<Scalars['String']['output']>;
  /** Text metrics: the baseline's mean before capping; null as for `rawNewVersion`. */
  rawBaseline?: Maybe<Scalars['Float']['output']>;
  /** Text metrics: the new version's mean before capping each reply (below 0 or above 1 when replies went past the floor or ceiling); null for voice metrics and older reports. */
  rawNewVersion?: Maybe<Scalars['Float']['output']>;
  /** Why it was not measured ("not measured (model X missing)"), or what to keep in mind. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Text metrics: whose replies were scored; voice metrics: null. */
  replies?: Maybe<ReplySource>;
  /** The raw score's unit. */
  unit?: Maybe<Scalars['String']['output']>;
};

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

/** A held-out message, the person's real reply and the avatar's. */
export type HeldOutExample = {
  __typename?: 'HeldOutExample';
  /** The untrained baseline's reply; null when it gave none. */
  baseline?: Maybe<Scalars['String']['output']>;
  /** Someone's message. */
  message: Scalars['String']['output'];
  /** The new version's reply; null when it gave none. */
  newVersion?: Maybe<Scalars['String']['output']>;
  /** The person's real reply. */
  real: Scalars['String']['output'];
};

/** A freshly issued API token, with its secret: store it now, it is never shown again. */
export type IssuedApiToken = MutationPayload & {
  __typename?: 'IssuedApiToken';
  /** Always false: every issue creates a new token. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
  /** The secret to send as `Authorization: Bearer <secret>`. */
  secret: Scalars['String']['output'];
  /** The token's description. */
  token: ApiToken;
};

/** A file uploaded to teach an avatar. */
export type Material = {
  __typename?: 'Material';
  /** Avatar it belongs to. */
  avatarId: Scalars['ID']['output'];
  /** Characters of extracted text. */
  charCount?: Maybe<Scalars['Int']['output']>;
  /** Chat exports: the chat's date range and each participant's message count and first and last message; null for other kinds (and for exports read before these facts existed). */
  chat?: Maybe<ChatFacts>;
  /** Chat exports: which participant is the avatar's person (the first chosen, when several were). */
  chosenParticipant?: Maybe<Scalars['String']['output']>;
  /** Chat exports: every participant chosen as the person (several for one person's addresses in a mailbox); empty until chosen. */
  chosenParticipants: Array<Scalars['String']['output']>;
  /** Recordings: what was decoded (duration, channels, sample rate), kept beside a failure too; null for other kinds and when nothing decoded. */
  decoded?: Maybe<DecodedMedia>;
  /** Relative URL to download the original file (send your access token). */
  downloadUrl: Scalars['String']['output'];
  /** Duration of recordings, in seconds. */
  durationSec?: Maybe<Scalars['Float']['output']>;
  /** Which personal fields were erased. */
  erasure: Erasure;
  /** Why extraction failed, when it did. */
  failure?: Maybe<Failure>;
  /** Original file name (sanitised); null once erased. */
  fileName?: Maybe<Scalars['String']['output']>;
  /** Material id. */
  id: Scalars['ID']['output'];
  /** What kind of material it is. */
  kind: MaterialKind;
  /** Detected language: an ISO 639 code (ru, en, fr, la…; mul for a bilingual text), null when too short to tell. */
  language?: Maybe<Scalars['String']['output']>;
  /** Media type detected from the content. */
  mediaType: Scalars['String']['output'];
  /** What to know about the import, e.g. messages whose time could not be read or times without a time zone. */
  notes: Array<Scalars['String']['output']>;
  /** Chat exports: the participants found. */
  participants: Array<Scalars['String']['output']>;
  /** The beginning of the extracted text. */
  preview?: Maybe<Scalars['String']['output']>;
  /** True once the user removed it (later training runs no longer use it). */
  removed: Scalars['Boolean']['output'];
  /** Transcript or subtitle segments with timestamps, when ready. */
  segments: Array<TranscriptSegment>;
  /** SHA-256 of the content (hex). */
  sha256: Scalars['String']['output'];
  /** Size in bytes. */
  sizeBytes: Scalars['Float']['output'];
  /** Recordings: tagging by voice against the voice sample, once one was accepted; null before. */
  speakers?: Maybe<SpeakerTags>;
  /** Extraction state. */
  state: MaterialState;
  /** Extracted text (up to `maxChars` characters), when ready. */
  text?: Maybe<Scalars['String']['output']>;
  /** When its state last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTime']['output'];
};


/** A file uploaded to teach an avatar. */
export type MaterialSegmentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** A file uploaded to teach an avatar. */
export type MaterialTextArgs = {
  maxChars?: InputMaybe<Scalars['Int']['input']>;
};

/** What happened to a material. */
export type MaterialChange = {
  __typename?: 'MaterialChange';
  /** The material now. */
  material: Material;
  /** Position of the change. */
  position: Scalars['Position']['output'];
};

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

/** A message the user sent, with the avatar's reply. */
export type Message = {
  __typename?: 'Message';
  /** Chat it belongs to. */
  chatId: Scalars['ID']['output'];
  /** When the user took it back (then it is hidden from `Chat.messages`, its words and replies erased). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the user last rewrote it (its replies were then made again). */
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the reply failed. */
  failure?: Maybe<Failure>;
  /** Message id. */
  id: Scalars['ID']['output'];
  /** Typed or spoken. */
  kind: MessageKind;
  /** Every reply made to the message's current words, oldest first, the shown one included (regenerating adds one). */
  replies: Array<Reply>;
  /** The avatar's reply shown (the latest, or the one chosen among `replies`). */
  reply?: Maybe<Reply>;
  /** Where its reply stands. */
  replyState: ReplyState;
  /** When it was sent. */
  sentAt: Scalars['DateTime']['output'];
  /** What the user wrote, or the transcript of what they said; null once erased or while transcribing. */
  text?: Maybe<Scalars['String']['output']>;
  /** The recording and transcript of a spoken message; null for a typed one. */
  voice?: Maybe<VoiceRecording>;
};

/** What happened to a message or its reply. */
export type MessageChange = {
  __typename?: 'MessageChange';
  /** The message now. */
  message: Message;
  /** Position of the change. */
  position: Scalars['Position']['output'];
};

/** A page of messages. */
export type MessageConnection = {
  __typename?: 'MessageConnection';
  /** The messages of this page. */
  nodes: Array<Message>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** How a message was sent. */
export type MessageKind =
  /** Typed. */
  | 'TEXT'
  /** Spoken: a recorded or uploaded voice message, or a turn of a live call; see `voice`. */
  | 'VOICE';

/** Result of sending a message. */
export type MessagePayload = MutationPayload & {
  __typename?: 'MessagePayload';
  /** True when the request had already been applied. */
  duplicate: Scalars['Boolean']['output'];
  /** The message as the read models show it once they include this write. */
  message: Message;
  /** Id of the message; reply tokens for it arrive on `replyTokens`. */
  messageId: Scalars['ID']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
};

/** A message found by searching an avatar's chats. */
export type MessageSearchHit = {
  __typename?: 'MessageSearchHit';
  /** The chat it is in. */
  chatId: Scalars['ID']['output'];
  /** That chat's title. */
  chatTitle?: Maybe<Scalars['String']['output']>;
  /** The message with its reply. */
  message: Message;
};

/** Whether a metric's figures mean something. */
export type MetricQuality =
  /** Every model behind the figures has real weights. */
  | 'MEANINGFUL'
  /** Measured with a test model (not meaningful): a model behind it has random weights or is unknown to the catalogue. */
  | 'TEST_MODEL';

/** Writes. Each returns the position of its write in the event log. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Makes an earlier (or later) completed persona version the one replies use: one-click rollback. */
  activatePersonaVersion: Done;
  /** Chooses which accepted sample spoken replies are cloned from. */
  activateVoiceSample: Done;
  /** Stops a reply being generated. */
  cancelReply: Done;
  /**
   * Moves the signed-in user's account to a new email address, giving the current password (wrong
   * tries are limited like log-in). The address must be free (BISHOP_ERR_EMAIL_TAKEN); log-in works
   * with the new one only, and the old one is free for others. Every other session of the account
   * ends (its sockets close); this one and API tokens go on. Needs a session.
   */
  changeEmail: Done;
  /**
   * Sets a new password for the signed-in user, who gives the current one (wrong tries are limited
   * like log-in: BISHOP_ERR_WRONG_PASSWORD, then RATE_LIMITED). The new one follows the sign-up rules.
   * Every other session of the account ends (its sockets close); this one goes on. Needs a session.
   */
  changePassword: Scalars['Boolean']['output'];
  /** Chooses which participant of a chat export is the avatar's person: `participant`, or several `participants` that are all the person (their addresses in a mailbox). Give one of the two. */
  chooseChatParticipant: Done;
  /** Shows another of a message's replies. */
  chooseReply: Done;
  /**
   * Creates an avatar. `clientMutationId` makes the call idempotent: repeating it
   * returns the first result instead of creating a second avatar.
   */
  createAvatar: AvatarPayload;
  /** Makes an invite link to the blind test that works for `days` days (1–30). */
  createBlindTestInvite: CreatedBlindTestInvite;
  /** Cuts a segment of an uploaded recording as a voice sample (6–60 s); it is then checked. */
  cutVoiceSample: Done;
  /**
   * Deletes the signed-in user's account for good: every avatar with its materials, chats,
   * voice and persona versions is deleted and the personal data erased (crypto-shredding);
   * sessions and API tokens stop working. The password must be given again (tries are
   * limited like log-in), from a session: an API token cannot close the account.
   */
  deleteAccount: Done;
  /**
   * Deletes an avatar and really erases its personal data (materials, chats,
   * voice, persona versions). `confirmName` must repeat the avatar's name.
   */
  deleteAvatar: Done;
  /** Deletes a chat. */
  deleteChat: Done;
  /** Takes a message back, with its replies. */
  deleteMessage: Done;
  /** Rewrites a message; its reply is made again. */
  editMessage: Done;
  /** Replaces the persona card. */
  editPersonaCard: AvatarPayload;
  /** The owner's guess on a pair of the active persona version. */
  guessBlindTest: BlindTestGuess;
  /** A guest's guess through an invite link; `guesser` is a random id the guest's browser keeps. */
  guessInvitedBlindTest: BlindTestGuess;
  /** Issues an API token; the secret is returned once. Needs a session: an API token cannot issue tokens. */
  issueApiToken: IssuedApiToken;
  /** Signs in with email and password. Failed tries are limited per account and per address. */
  logIn: Session;
  /** Ends the session the refresh token belongs to. */
  logOut: Scalars['Boolean']['output'];
  /** Opens a new chat with an avatar. */
  openChat: ChatPayload;
  /** Does nothing; lets clients probe that the API accepts mutations. */
  ping: Scalars['Boolean']['output'];
  /** Speaks any text (up to 500 characters) in an accepted sample's voice; the result arrives as a voice change. */
  previewVoice: Done;
  /** Rates a reply; null takes the rating back. */
  rateReply: Done;
  /** Records the consent needed before a voice sample can be set. */
  recordVoiceConsent: Done;
  /** Exchanges a refresh token for a new session (API clients; the web app uses `POST /api/session/refresh`); a refresh token works once. */
  refreshSession: Session;
  /** Asks for another reply to a message; the earlier ones stay in `Message.replies`. */
  regenerateReply: Done;
  /** Removes a material; later training runs no longer use it. */
  removeMaterial: Done;
  /** Renames an avatar. */
  renameAvatar: AvatarPayload;
  /** Renames a chat. */
  renameChat: Done;
  /**
   * Mails a one-time reset link to the address when an account has it (SMTP must be set up:
   * `ServiceStatus.passwordResetByEmail`); answers true either way, so no one learns which addresses
   * have accounts. Requests are limited per client network (BISHOP_ERR_RATE_LIMITED).
   */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Sets a new password with a one-time reset link's token (from `bishop users
   * reset-password <email>`). The lockout after failed log-ins is lifted and every
   * session of the account ends (open sockets close); log in with the new password.
   */
  resetPassword: Scalars['Boolean']['output'];
  /** Revokes an API token at once; sockets using it close (code 4403). Needs a session. */
  revokeApiToken: Done;
  /** Stops an invite link working at once. */
  revokeBlindTestInvite: Done;
  /** Sends a message; the reply streams on `replyTokens` and lands on `messageChanged`. */
  sendMessage: MessagePayload;
  /** Creates an account and signs in. */
  signUp: Session;
  /** Starts training on the materials that are ready; one run per avatar at a time. */
  startTraining: TrainingPayload;
  /** Stops the running run; the active persona version stays as it was. */
  stopTraining: Done;
  /** Changes the signed-in user's full name. */
  updateProfile: Done;
  /** Withdraws the voice consent: cloning stops at once; dubs made before stay, marked as made under it. */
  withdrawVoiceConsent: Done;
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationActivatePersonaVersionArgs = {
  avatarId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationActivateVoiceSampleArgs = {
  avatarId: Scalars['ID']['input'];
  sampleId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationCancelReplyArgs = {
  chatId: Scalars['ID']['input'];
  messageId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationChangeEmailArgs = {
  currentPassword: Scalars['String']['input'];
  newEmail: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationChooseChatParticipantArgs = {
  avatarId: Scalars['ID']['input'];
  materialId: Scalars['ID']['input'];
  participant?: InputMaybe<Scalars['String']['input']>;
  participants?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationChooseReplyArgs = {
  chatId: Scalars['ID']['input'];
  messageId: Scalars['ID']['input'];
  replyId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationCreateAvatarArgs = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationCreateBlindTestInviteArgs = {
  avatarId: Scalars['ID']['input'];
  days: Scalars['Int']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationCutVoiceSampleArgs = {
  avatarId: Scalars['ID']['input'];
  endSec: Scalars['Float']['input'];
  materialId: Scalars['ID']['input'];
  replacesActive?: InputMaybe<Scalars['Boolean']['input']>;
  startSec: Scalars['Float']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationDeleteAccountArgs = {
  password: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationDeleteAvatarArgs = {
  confirmName: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationDeleteChatArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationDeleteMessageArgs = {
  chatId: Scalars['ID']['input'];
  messageId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationEditMessageArgs = {
  chatId: Scalars['ID']['input'];
  messageId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationEditPersonaCardArgs = {
  card: PersonaCardInput;
  id: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationGuessBlindTestArgs = {
  avatarId: Scalars['ID']['input'];
  optionId: Scalars['ID']['input'];
  pairIndex: Scalars['Int']['input'];
  personaVersion: Scalars['Int']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationGuessInvitedBlindTestArgs = {
  guesser: Scalars['ID']['input'];
  optionId: Scalars['ID']['input'];
  pairIndex: Scalars['Int']['input'];
  personaVersion: Scalars['Int']['input'];
  token: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationIssueApiTokenArgs = {
  name: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationLogInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationLogOutArgs = {
  refreshToken: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationOpenChatArgs = {
  avatarId: Scalars['ID']['input'];
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  personaVersion?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationPreviewVoiceArgs = {
  avatarId: Scalars['ID']['input'];
  sampleId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRateReplyArgs = {
  chatId: Scalars['ID']['input'];
  rating?: InputMaybe<Rating>;
  replyId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRecordVoiceConsentArgs = {
  avatarId: Scalars['ID']['input'];
  consent: VoiceConsentInput;
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRegenerateReplyArgs = {
  chatId: Scalars['ID']['input'];
  messageId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRemoveMaterialArgs = {
  avatarId: Scalars['ID']['input'];
  materialId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRenameAvatarArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRenameChatArgs = {
  id: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationRevokeBlindTestInviteArgs = {
  avatarId: Scalars['ID']['input'];
  inviteId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationSendMessageArgs = {
  chatId: Scalars['ID']['input'];
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  text: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationSignUpArgs = {
  input: SignUpInput;
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationStartTrainingArgs = {
  avatarId: Scalars['ID']['input'];
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  settings?: InputMaybe<Scalars['JSON']['input']>;
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationStopTrainingArgs = {
  avatarId: Scalars['ID']['input'];
  runId: Scalars['ID']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationUpdateProfileArgs = {
  fullName: Scalars['String']['input'];
};


/** Writes. Each returns the position of its write in the event log. */
export type MutationWithdrawVoiceConsentArgs = {
  avatarId: Scalars['ID']['input'];
};

/** What every mutation tells you about the write it made. */
export type MutationPayload = {
  /** True when this exact request (same client mutation id) had already been applied: nothing new was written. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log (see `Position`). */
  position: Scalars['Position']['output'];
};

/** The headline replies' text metrics averaged per held-out message. */
export type OverallFidelity = {
  __typename?: 'OverallFidelity';
  /** Mean score of the untrained baseline. */
  baseline: Scalars['Float']['output'];
  /** newVersion − baseline. */
  lift: Scalars['Float']['output'];
  /** Upper end of the lift's 95 % bootstrap confidence interval. */
  liftHigh: Scalars['Float']['output'];
  /** Lower end of the lift's 95 % bootstrap confidence interval. */
  liftLow: Scalars['Float']['output'];
  /** The measured, meaningful metrics it averages. */
  metrics: Array<FidelityMetricName>;
  /** Held-out messages scored. */
  n: Scalars['Int']['output'];
  /** Mean score of the new version, 0 = anyone, 1 = the person. */
  newVersion: Scalars['Float']['output'];
  /** The baseline's mean before capping; null in older reports. */
  rawBaseline?: Maybe<Scalars['Float']['output']>;
  /** The new version's mean before capping each reply to 0–1; null in older reports. */
  rawNewVersion?: Maybe<Scalars['Float']['output']>;
  /** Whose replies. */
  replies: ReplySource;
};

/** Kinds of owned things an id can name. */
export type OwnedKind =
  /** An API token of the caller. */
  | 'API_TOKEN'
  /** An avatar (and through it its materials, runs and versions). */
  | 'AVATAR'
  /** A chat. */
  | 'CHAT';

/** Paging information of a connection (cursor pagination). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Opaque cursor of the last item returned; pass it as `after` to continue. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow `endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Persona card: fields similar to character.ai / talkie cards, complementing training on real material. */
export type PersonaCard = {
  __typename?: 'PersonaCard';
  /** Who the person is. */
  description?: Maybe<Scalars['String']['output']>;
  /** Gender the persona presents. */
  gender?: Maybe<Gender>;
  /** Extra instructions for replies. */
  instructions?: Maybe<Scalars['String']['output']>;
  /** Languages the person speaks (BCP 47 codes such as ru, en). */
  languages: Array<Scalars['String']['output']>;
  /** Character traits and manner. */
  personality?: Maybe<Scalars['String']['output']>;
  /** Typical situation of a conversation. */
  scenario?: Maybe<Scalars['String']['output']>;
};

/** Persona card fields; omitted or empty text fields are cleared. */
export type PersonaCardInput = {
  /** Who the person is (up to 4000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Gender the persona presents. */
  gender?: InputMaybe<Gender>;
  /** Extra instructions for replies (up to 4000 characters). */
  instructions?: InputMaybe<Scalars['String']['input']>;
  /** Languages (BCP 47 codes, up to 10). */
  languages?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Character traits and manner (up to 4000 characters). */
  personality?: InputMaybe<Scalars['String']['input']>;
  /** Typical situation of a conversation (up to 4000 characters). */
  scenario?: InputMaybe<Scalars['String']['input']>;
};

/** A material as a persona version used it. */
export type PersonaMaterial = {
  __typename?: 'PersonaMaterial';
  /** File name at training time. */
  fileName: Scalars['String']['output'];
  /** Kind of material. */
  kind: MaterialKind;
  /** Material id (it may have been removed since). */
  materialId: Scalars['ID']['output'];
  /** Dialogue pairs mined from it. */
  pairs: Scalars['Int']['output'];
  /** For chat exports: the participant taken as the person. */
  participant?: Maybe<Scalars['String']['output']>;
  /** Passages of the person's words taken from it. */
  passages: Scalars['Int']['output'];
  /** SHA-256 of the uploaded file. */
  sha256: Scalars['String']['output'];
};

/** An immutable result of a training run that replies can use. */
export type PersonaVersion = {
  __typename?: 'PersonaVersion';
  /** Whether replies use it now. */
  active: Scalars['Boolean']['output'];
  /** Time travel: the persona card as it was when this version was built. */
  card: PersonaCard;
  /** When it was built. */
  createdAt: Scalars['DateTime']['output'];
  /** The sentence encoder of its retrieval index; null when it is lexical only. */
  embedder?: Maybe<Scalars['String']['output']>;
  /** The materials it was built from, as they were then. */
  materialsUsed: Array<PersonaMaterial>;
  /** Run that built it. */
  runId: Scalars['ID']['output'];
  /** Training settings this version was built with (defaults filled in). */
  settings: Scalars['JSON']['output'];
  /** Statistics of the version. */
  stats: Scalars['JSON']['output'];
  /** Time travel: the person's style (sentence length, vocabulary, punctuation, emoji, formality, phrases, languages) in this version. */
  styleProfile: Scalars['JSON']['output'];
  /** Its fidelity test report, once tested. */
  testReport?: Maybe<TestReport>;
  /** Version number (1, 2, …). */
  version: Scalars['Int']['output'];
};

/** Reads. Every field answers only with the caller's own data. */
export type Query = {
  __typename?: 'Query';
  /** One of the caller's avatars. */
  avatar: Avatar;
  /** The caller's avatars, newest first. */
  avatars: AvatarConnection;
  /** One of the caller's chats. */
  chat: Chat;
  /**
   * The blind test an invite link opens: the pairs only, nothing else of the avatar.
   * An unknown, revoked or expired token, or a deleted avatar: BISHOP_ERR_INVITE_INVALID.
   */
  invitedBlindTest: BlindTestRound;
  /** The signed-in user. */
  me: User;
  /** Messages of an avatar's open chats whose words or reply contain `text` (case-insensitive), newest first. */
  searchChats: Array<MessageSearchHit>;
  /** Health of Bishop's parts and which ML capabilities have their models (no sign-in needed). */
  status: ServiceStatus;
};


/** Reads. Every field answers only with the caller's own data. */
export type QueryAvatarArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field answers only with the caller's own data. */
export type QueryAvatarsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every field answers only with the caller's own data. */
export type QueryChatArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field answers only with the caller's own data. */
export type QueryInvitedBlindTestArgs = {
  token: Scalars['String']['input'];
};


/** Reads. Every field answers only with the caller's own data. */
export type QuerySearchChatsArgs = {
  avatarId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};

/** A user's verdict on a reply. */
export type Rating =
  /** Bad: does not. */
  | 'DOWN'
  /** Good: sounds like the person. */
  | 'UP';

/** The avatar's answer to a message. */
export type Reply = {
  __typename?: 'Reply';
  /** How close the best source was to the message, 0–1 (meaning or shared words; 0 across alphabets); null when unknown. */
  closeness?: Maybe<Scalars['Float']['output']>;
  /** Reply size in tokens. */
  completionTokens: Scalars['Int']['output'];
  /** Set when the user spoke over the reply in a call (barge-in): where it was cut. */
  cut?: Maybe<ReplyCut>;
  /** The spoken version. */
  dub?: Maybe<Dub>;
  /** Reply id. */
  id: Scalars['ID']['output'];
  /** Milliseconds from the message to the complete reply. */
  latencyMs: Scalars['Float']['output'];
  /** True when retrieval found nothing close to the message: the reply may not fit it. */
  lowConfidence: Scalars['Boolean']['output'];
  /** Model that generated it. */
  model: Scalars['String']['output'];
  /** Persona version that answered (null: the untrained card only). */
  personaVersion?: Maybe<Scalars['Int']['output']>;
  /** Prompt size in tokens. */
  promptTokens: Scalars['Int']['output'];
  /** The user's thumbs up or down, if any. */
  rating?: Maybe<Rating>;
  /** When it was made. */
  repliedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Ids of the materials and pairs retrieval used (explainability). */
  sourceIds: Array<Scalars['String']['output']>;
  /** The most telling of those sources, described: what the person said, in which material, when. */
  sources: Array<CitedSource>;
  /** The answer; null once erased. */
  text?: Maybe<Scalars['String']['output']>;
};

/** Where a reply spoken in a call was cut by the user speaking (barge-in). */
export type ReplyCut = {
  __typename?: 'ReplyCut';
  /** Seconds of the reply's audio the user heard. */
  heardSec: Scalars['Float']['output'];
  /** The part of the reply the user heard; null once erased. */
  heardText?: Maybe<Scalars['String']['output']>;
  /** Seconds of audio that had been spoken (sent) when it was cut. */
  spokenSec: Scalars['Float']['output'];
};

/** Thumbs up and down on an avatar's replies, for one persona version. */
export type ReplyFeedback = {
  __typename?: 'ReplyFeedback';
  /** Replies rated bad. */
  down: Scalars['Int']['output'];
  /** The persona version that answered; null for replies made before training. */
  personaVersion?: Maybe<Scalars['Int']['output']>;
  /** Replies rated good. */
  up: Scalars['Int']['output'];
};

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

/** A piece of a reply as the model produces it. */
export type ReplyToken = {
  __typename?: 'ReplyToken';
  /** True on the last piece; the full reply then lands on `messageChanged`. */
  done: Scalars['Boolean']['output'];
  /** Sequence number of this piece (0, 1, …). */
  index: Scalars['Int']['output'];
  /** Message being answered. */
  messageId: Scalars['ID']['output'];
  /** The new text (one or more tokens). */
  text: Scalars['String']['output'];
};

/** How many scored replies fell outside the floor…ceiling span before they were capped to 0–1. */
export type ScaleOverflow = {
  __typename?: 'ScaleOverflow';
  /** Closer to the person's real reply than the person's own other replies: counted as 1. */
  aboveCeiling: Scalars['Int']['output'];
  /** Further from the person's real reply than another person's words: counted as 0. */
  belowFloor: Scalars['Int']['output'];
};

/** One part of Bishop (event store, read store, bus, blob store) or an ML capability (asr, tts, …). */
export type ServicePart = {
  __typename?: 'ServicePart';
  /** Why not, when it doesn't. */
  detail?: Maybe<Scalars['String']['output']>;
  /** Name of the part. */
  name: Scalars['String']['output'];
  /** Whether it works now. */
  ok: Scalars['Boolean']['output'];
};

/** Health of Bishop, as /readyz reports it. */
export type ServiceStatus = {
  __typename?: 'ServiceStatus';
  /** Each part and capability. */
  parts: Array<ServicePart>;
  /** Whether a forgotten password can be reset by email (SMTP is set up); otherwise the operator makes reset links. */
  passwordResetByEmail: Scalars['Boolean']['output'];
  /** True when every part is ready. */
  ready: Scalars['Boolean']['output'];
};

/** Tokens of a signed-in session. */
export type Session = {
  __typename?: 'Session';
  /** Short-lived JWT for the `Authorization: Bearer` header. */
  accessToken: Scalars['String']['output'];
  /** When the access token expires. */
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /**
   * Single-use token that buys the next access token (rotates on each use). Null when the
   * request carried `Bishop-Session: cookie` (the web app): the token was then set as an
   * HttpOnly cookie that only `POST /api/session/refresh` and `/api/session/logout` receive.
   */
  refreshToken?: Maybe<Scalars['String']['output']>;
  /** The signed-in user. */
  user: User;
};

/** Account details to sign up with. */
export type SignUpInput = {
  /** Email address; must be unique. */
  email: Scalars['String']['input'];
  /** Full name (1–200 characters). */
  fullName: Scalars['String']['input'];
  /**
   * Password: at least 8 visible characters, not only spaces, not the email or the
   * name, and not one of the most common breached passwords (NIST SP 800-63B).
   */
  password: Scalars['String']['input'];
};

/**
 * How a recording was tagged by voice against a voice sample: its segments are cut at pauses and
 * speaker changes, and each is judged the person's or another voice's. Tagging runs after
 * transcription and again whenever another voice sample is accepted.
 */
export type SpeakerTags = {
  __typename?: 'SpeakerTags';
  /** Why tagging against this sample failed, when it did. */
  failure?: Maybe<Failure>;
  /** Seconds of speech judged other voices'; training leaves them out. */
  otherSpeechSec?: Maybe<Scalars['Float']['output']>;
  /** Seconds of speech judged the person's; null when tagging failed. */
  personSpeechSec?: Maybe<Scalars['Float']['output']>;
  /** The voice sample the verdicts compare with; when it is not the avatar's accepted sample, tagging against that one is still to come. */
  sampleId: Scalars['ID']['output'];
  /** The speaker model's threshold: a segment whose similarity reaches it is the person's (cosine, -1 to 1); null when tagging failed. */
  threshold?: Maybe<Scalars['Float']['output']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Changes to one avatar, or to any of the caller's avatars when no id is given. */
  avatarChanged: AvatarChange;
  /** Materials of the avatar as they are uploaded, extracted, fail or are removed. */
  materialChanged: MaterialChange;
  /** Messages of the chat as they are sent, answered, dubbed or fail. */
  messageChanged: MessageChange;
  /** Reply text as it is generated, token by token, for every message of the chat. */
  replyTokens: ReplyToken;
  /** The avatar's tests as they start, progress and report. */
  testChanged: TestChange;
  /** Training runs of the avatar as their stage, percent and status change. */
  trainingChanged: TrainingChange;
};


export type SubscriptionAvatarChangedArgs = {
  avatarId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionMaterialChangedArgs = {
  avatarId: Scalars['ID']['input'];
};


export type SubscriptionMessageChangedArgs = {
  chatId: Scalars['ID']['input'];
};


export type SubscriptionReplyTokensArgs = {
  chatId: Scalars['ID']['input'];
};


export type SubscriptionTestChangedArgs = {
  avatarId: Scalars['ID']['input'];
};


export type SubscriptionTrainingChangedArgs = {
  avatarId: Scalars['ID']['input'];
};

/** What happened to an avatar test: it started, went on, or its report landed. */
export type TestChange = {
  __typename?: 'TestChange';
  /** Position of the change. */
  position: Scalars['Position']['output'];
  /** While running: where it is (from the test worker, between events); null otherwise. */
  progress?: Maybe<TestProgress>;
  /** The test now (status RUNNING or DONE). */
  report: TestReport;
};

/** The version that was active before a run, scored again on the run's held-out messages. */
export type TestComparison = {
  __typename?: 'TestComparison';
  /** This version's overall score minus that one; negative is worse. */
  lift?: Maybe<Scalars['Float']['output']>;
  /** Upper end of the difference's 95 % bootstrap confidence interval. */
  liftHigh?: Maybe<Scalars['Float']['output']>;
  /** Lower end of the difference's 95 % bootstrap confidence interval. */
  liftLow?: Maybe<Scalars['Float']['output']>;
  /** Its overall score on these messages. */
  overall?: Maybe<Scalars['Float']['output']>;
  /** That version. */
  personaVersion: Scalars['Int']['output'];
  /** Its overall score as its own report recorded it (on the held-out messages of its run). */
  reportedOverall?: Maybe<Scalars['Float']['output']>;
  /** The run that built it. */
  runId: Scalars['ID']['output'];
};

/** Where a running avatar test is: its step and percent (0–100). */
export type TestProgress = {
  __typename?: 'TestProgress';
  /** Of the whole test, 0–100. */
  percent: Scalars['Float']['output'];
  /** What it is doing: REPLIES to held-out messages, SCORING the replies, or VOICE (dubbing). */
  step: AvatarTestStep;
};

/**
 * How closely a persona version resembles the person (see Avatar testing). Text figures lie on one scale:
 * 0 = no closer to the person's real reply than another person's words ("anyone"), 1 = as close as the
 * person's own other replies ("the person"). Each reply is placed on it and capped to 0–1 before anything is
 * averaged, so every mean lies in 0–1 and every lift in −1…+1; how many replies went past either end, and the
 * uncapped means, are given apart (`FidelityMetric.newVersionOutside`, `rawNewVersion`). Voice figures keep
 * their own unit (`FidelityMetric.onScale` is false).
 */
export type TestReport = {
  __typename?: 'TestReport';
  /** The version that was active before this run, scored again on the same held-out messages. */
  comparedWith?: Maybe<TestComparison>;
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** A few held-out messages with the person's real reply and the avatar's. */
  examples: Array<HeldOutExample>;
  /** Which replies decide the verdict: an LLM's with real weights when one is installed, else the retrieval responder's. */
  headline?: Maybe<ReplySource>;
  /** Dialogue pairs kept out of training for the test. */
  heldOutPairs?: Maybe<Scalars['Int']['output']>;
  /** Every metric, measured or with the reason it was not. */
  metrics: Array<FidelityMetric>;
  /** What to keep in mind when reading the figures. */
  notes: Array<Scalars['String']['output']>;
  /** The headline replies' metrics in one figure, 0 = anyone, 1 = as close as the person is to themself. */
  overall?: Maybe<OverallFidelity>;
  /** Held-out pairs scored (an even sample when there are many). */
  pairsTested?: Maybe<Scalars['Int']['output']>;
  /** Version tested. */
  personaVersion: Scalars['Int']['output'];
  /** The figures, as recorded (format `bishop.avatar-test/2`; `/1` before capping); the typed fields below read the same report. Empty while a first test runs. */
  report: Scalars['JSON']['output'];
  /** Run tested. */
  runId: Scalars['ID']['output'];
  /** True when each reply's score was capped to 0–1 before averaging; false for reports recorded before (their figures may lie outside 0–1). */
  scoresCapped?: Maybe<Scalars['Boolean']['output']>;
  /** When the latest test of this run began; null for tests recorded before starts were. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** RUNNING while the test runs (`progress` follows it on `testChanged`); DONE once its report is recorded. */
  status: TestStatus;
  /** Better, worse or unclear against `verdictAgainst`, from the 95 % interval shown with it; null while a first test runs, when the report is erased, or in a format this server does not read. */
  verdict?: Maybe<TestVerdict>;
  /** What the verdict compares this version with: the version that was active (on the same held-out messages) when it could be scored again, else the untrained baseline. */
  verdictAgainst?: Maybe<VerdictBasis>;
  /** True when this run scores worse than the version that was active (the 95 % interval of the difference lies below zero); null as for verdict. */
  worse?: Maybe<Scalars['Boolean']['output']>;
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

/** A page of timeline entries. */
export type TimelineConnection = {
  __typename?: 'TimelineConnection';
  /** The entries of this page. */
  nodes: Array<TimelineEntry>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** One entry of an avatar's history. */
export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  /** Who did it: `user:<id>` or `system:<service>`. */
  actor: Scalars['String']['output'];
  /** The event's link in its stream's hash chain (null for events stored before chaining). */
  chainHash?: Maybe<Scalars['String']['output']>;
  /** The chat it happened in, for chat events. */
  chatId?: Maybe<Scalars['ID']['output']>;
  /**
   * The event's non-personal ids, figures and codes, to say what happened in the reader's language
   * and link to it: materialId, runId, sampleId, messageId, personaVersion, stage, percent, reasonCode,
   * kind, sizeBytes, charCount, durationSec, language, basis, materialCount… (each only where the
   * event has it). Null for entries projected before details existed (`bishop projections rebuild` fills them).
   */
  details?: Maybe<Scalars['JSON']['output']>;
  /** Its group. */
  kind: TimelineKind;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** Position of the event in the event log (also its cursor). */
  position: Scalars['Position']['output'];
  /** A short readable description. */
  summary: Scalars['String']['output'];
  /** Event type, e.g. AvatarRenamed, MaterialUploaded, TrainingCompleted. */
  type: Scalars['String']['output'];
};

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

/** What happened to a training run. */
export type TrainingChange = {
  __typename?: 'TrainingChange';
  /** Position of the change. */
  position: Scalars['Position']['output'];
  /** The run now. */
  run: TrainingRun;
};

/** Result of starting a training run. */
export type TrainingPayload = MutationPayload & {
  __typename?: 'TrainingPayload';
  /** True when the request had already been applied. */
  duplicate: Scalars['Boolean']['output'];
  /** Position of the write in the event log. */
  position: Scalars['Position']['output'];
  /** The run as the read models show it once they include this write. */
  run: TrainingRun;
  /** Id of the run. */
  runId: Scalars['ID']['output'];
};

/** One training run: building a persona version from the avatar's materials. */
export type TrainingRun = {
  __typename?: 'TrainingRun';
  /** Avatar trained. */
  avatarId: Scalars['ID']['output'];
  /** Estimated seconds left while running. */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  /** Why it failed. */
  failure?: Maybe<Failure>;
  /** When it ended. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Run id. */
  id: Scalars['ID']['output'];
  /** The materials it used (those ready when it started). */
  materials: Array<Material>;
  /** Progress, 0–100. */
  percent: Scalars['Float']['output'];
  /** Persona version it produced. */
  personaVersion?: Maybe<Scalars['Int']['output']>;
  /** Settings it ran with. */
  settings: Scalars['JSON']['output'];
  /** Current stage (collecting, cleaning, pairing, embedding, indexing, profiling, snapshotting, testing). */
  stage?: Maybe<Scalars['String']['output']>;
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Statistics of the produced version (corpus size, pairs, timings, models). */
  stats?: Maybe<Scalars['JSON']['output']>;
  /** Lifecycle state. */
  status: TrainingStatus;
  /** Fidelity test report of the produced version. */
  testReport?: Maybe<TestReport>;
};

/** A page of training runs. */
export type TrainingRunConnection = {
  __typename?: 'TrainingRunConnection';
  /** The runs of this page. */
  nodes: Array<TrainingRun>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

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

/** A piece of transcript or subtitle with its time span. */
export type TranscriptSegment = {
  __typename?: 'TranscriptSegment';
  /** End, in seconds. */
  endSec?: Maybe<Scalars['Float']['output']>;
  /** Recordings tagged by voice: whether the person speaks this segment (its similarity reached the threshold); null when not tagged. */
  isPerson?: Maybe<Scalars['Boolean']['output']>;
  /**
   * Recordings tagged by voice: cosine similarity of the segment's voice to the accepted voice sample,
   * from -1 to 1 (the same voice scores high; unrelated voices near 0 or below). Compare it with
   * `Material.speakers.threshold`. Null when the recording is not tagged.
   */
  speakerSimilarity?: Maybe<Scalars['Float']['output']>;
  /** Start, in seconds from the beginning (null for plain documents). */
  startSec?: Maybe<Scalars['Float']['output']>;
  /** Text of the segment. */
  text: Scalars['String']['output'];
};

/** Where a voice message's transcript stands. */
export type TranscriptState =
  /** Could not be transcribed (e.g. no speech); see the message's `failure`. */
  | 'FAILED'
  /** Transcribed; the text is the message's `text`, with timed `segments`. */
  | 'TRANSCRIBED'
  /** Being transcribed (VAD → Whisper); the reply follows the transcript. */
  | 'TRANSCRIBING';

/** A person with an account. */
export type User = {
  __typename?: 'User';
  /** The user's API tokens for integrations (never their secrets). */
  apiTokens: Array<ApiToken>;
  /** Email address used to log in (lowercase). */
  email: Scalars['String']['output'];
  /** Full name as the user wrote it. */
  fullName: Scalars['String']['output'];
  /** The user's id. */
  id: Scalars['ID']['output'];
  /** When the account was created. */
  registeredAt: Scalars['DateTime']['output'];
};

/** What a verdict compares the tested version with. */
export type VerdictBasis =
  /** The untrained baseline (persona card only): `overall.lift`. */
  | 'BASELINE'
  /** The version that was active before this run, scored again on the same held-out messages (`comparedWith`). */
  | 'PREVIOUS_VERSION';

/** Voice consent and the voice sample used to clone the person's voice. */
export type Voice = {
  __typename?: 'Voice';
  /** Id of the sample spoken replies are cloned from while consent stands. */
  activeSampleId?: Maybe<Scalars['ID']['output']>;
  /** The consent that stands; null when none was recorded or it was withdrawn (cloning is refused without it). */
  consent?: Maybe<VoiceConsent>;
  /** When the last consent was withdrawn, if it was and none was recorded since. */
  consentWithdrawnAt?: Maybe<Scalars['DateTime']['output']>;
  /** The voice sample submitted last, if any. */
  sample?: Maybe<VoiceSample>;
  /** Every voice sample kept for the avatar, newest first. */
  samples: Array<VoiceSample>;
};

/** A recorded statement that the voice may be cloned. */
export type VoiceConsent = {
  __typename?: 'VoiceConsent';
  /** Basis of the consent. */
  basis: ConsentBasis;
  /** When the person gave consent (ISO date). */
  consentGivenOn: Scalars['String']['output'];
  /** Whose voice it is; null once erased. */
  personName?: Maybe<Scalars['String']['output']>;
  /** When the consent was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** The statement as the user wrote it; null once erased. */
  statement?: Maybe<Scalars['String']['output']>;
};

/** Consent to clone a voice. */
export type VoiceConsentInput = {
  /** Basis of the consent. */
  basis: ConsentBasis;
  /** When the person gave consent (ISO date, not in the future). */
  consentGivenOn: Scalars['String']['input'];
  /** Whose voice it is. */
  personName: Scalars['String']['input'];
  /** The statement, in the user's words. */
  statement: Scalars['String']['input'];
};

/** Any text spoken in a sample's voice (through the same path as spoken replies), to hear it before relying on it. */
export type VoicePreview = {
  __typename?: 'VoicePreview';
  /** Relative URL of the audio (send your access token). */
  audioUrl?: Maybe<Scalars['String']['output']>;
  /** Length in seconds. */
  durationSec?: Maybe<Scalars['Float']['output']>;
  /** Why it could not be spoken. */
  failure?: Maybe<Failure>;
  /** Preview id. */
  id: Scalars['ID']['output'];
  /** When it was asked for. */
  requestedAt: Scalars['DateTime']['output'];
  /** State. */
  state: VoicePreviewState;
  /** The text spoken; null once erased. */
  text?: Maybe<Scalars['String']['output']>;
  /** Whether the sample's cloned voice or a generic voice spoke (`cloned` or `generic`). */
  voice?: Maybe<Scalars['String']['output']>;
};

/** State of a voice preview. */
export type VoicePreviewState =
  /** Could not be spoken; see `failure`. */
  | 'FAILED'
  /** Spoken; see `audioUrl`. */
  | 'READY'
  /** Being spoken. */
  | 'REQUESTED';

/** The recording of a voice message and its transcript. */
export type VoiceRecording = {
  __typename?: 'VoiceRecording';
  /** Signed URL of the recording (plays inline). */
  audioUrl?: Maybe<Scalars['String']['output']>;
  /** The live call this message was a turn of; null for a voice message sent on its own. */
  callId?: Maybe<Scalars['ID']['output']>;
  /** Length in seconds, once transcribed. */
  durationSec?: Maybe<Scalars['Float']['output']>;
  /** Language the recognizer heard (ISO code). */
  language?: Maybe<Scalars['String']['output']>;
  /** Media type of the recording as stored (e.g. audio/webm, audio/wav). */
  mediaType?: Maybe<Scalars['String']['output']>;
  /** Timed segments of the transcript; null until transcribed or once erased. */
  segments?: Maybe<Array<TranscriptSegment>>;
  /** Size in bytes. */
  sizeBytes?: Maybe<Scalars['Float']['output']>;
  /** Where its transcript stands. */
  transcriptState: TranscriptState;
};

/** A 6–60 s recording of the person speaking. */
export type VoiceSample = {
  __typename?: 'VoiceSample';
  /** Whether spoken replies are cloned from this sample (while consent stands). */
  active: Scalars['Boolean']['output'];
  /** Relative URL to play the sample (send your access token). */
  audioUrl: Scalars['String']['output'];
  /** Length in seconds, as the check measured it (accepted or rejected). */
  durationSec?: Maybe<Scalars['Float']['output']>;
  /** Why it was rejected. */
  failure?: Maybe<Failure>;
  /** The uploaded or recorded file's name; null for a cut segment or once erased. */
  fileName?: Maybe<Scalars['String']['output']>;
  /** Sample id. */
  id: Scalars['ID']['output'];
  /** Integrated loudness in LUFS, as the check measured it; null before the check or for a silent sample. */
  loudnessLufs?: Maybe<Scalars['Float']['output']>;
  /** The latest preview of this sample's voice, if one was asked for. */
  preview?: Maybe<VoicePreview>;
  /** Whether it replaces the sample in use once it passes the check. */
  replacesActive: Scalars['Boolean']['output'];
  /** The recording it was cut from; null for an uploaded file or once erased. */
  segment?: Maybe<VoiceSampleSegment>;
  /** How consistently one voice speaks throughout (0–1), as the check measured it. */
  speakerConsistency?: Maybe<Scalars['Float']['output']>;
  /** Check state. */
  state: VoiceSampleState;
  /** When it was submitted. */
  submittedAt: Scalars['DateTime']['output'];
};

/** Where in an uploaded recording a voice sample was cut. */
export type VoiceSampleSegment = {
  __typename?: 'VoiceSampleSegment';
  /** End, in seconds. */
  endSec: Scalars['Float']['output'];
  /** The recording (a material). */
  materialId: Scalars['ID']['output'];
  /** Start, in seconds. */
  startSec: Scalars['Float']['output'];
};

/** State of a voice sample's check. */
export type VoiceSampleState =
  /** Checked and in use. */
  | 'READY'
  /** Rejected; see `failure`. */
  | 'REJECTED'
  /** Waiting for the check. */
  | 'SUBMITTED';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  MutationPayload:
    | ( AvatarPayload )
    | ( BlindTestGuess )
    | ( ChatPayload )
    | ( CreatedBlindTestInvite )
    | ( Done )
    | ( IssuedApiToken )
    | ( MessagePayload )
    | ( TrainingPayload )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiToken: ResolverTypeWrapper<ApiToken>;
  Avatar: ResolverTypeWrapper<Avatar>;
  AvatarChange: ResolverTypeWrapper<AvatarChange>;
  AvatarConnection: ResolverTypeWrapper<AvatarConnection>;
  AvatarPayload: ResolverTypeWrapper<AvatarPayload>;
  AvatarStatus: AvatarStatus;
  AvatarTestStep: AvatarTestStep;
  BlindTestGuess: ResolverTypeWrapper<BlindTestGuess>;
  BlindTestInvite: ResolverTypeWrapper<BlindTestInvite>;
  BlindTestOption: ResolverTypeWrapper<BlindTestOption>;
  BlindTestPair: ResolverTypeWrapper<BlindTestPair>;
  BlindTestRound: ResolverTypeWrapper<BlindTestRound>;
  BlindTestScore: ResolverTypeWrapper<BlindTestScore>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChainHead: ResolverTypeWrapper<ChainHead>;
  Chat: ResolverTypeWrapper<Chat>;
  ChatConnection: ResolverTypeWrapper<ChatConnection>;
  ChatFacts: ResolverTypeWrapper<ChatFacts>;
  ChatParticipantFacts: ResolverTypeWrapper<ChatParticipantFacts>;
  ChatPayload: ResolverTypeWrapper<ChatPayload>;
  ChatStatus: ChatStatus;
  CitedMaterial: ResolverTypeWrapper<CitedMaterial>;
  CitedSource: ResolverTypeWrapper<CitedSource>;
  CitedSourceKind: CitedSourceKind;
  ConsentBasis: ConsentBasis;
  CreatedBlindTestInvite: ResolverTypeWrapper<CreatedBlindTestInvite>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecodedMedia: ResolverTypeWrapper<DecodedMedia>;
  Done: ResolverTypeWrapper<Done>;
  Dub: ResolverTypeWrapper<Dub>;
  DubState: DubState;
  Erasure: ResolverTypeWrapper<Erasure>;
  Failure: ResolverTypeWrapper<Failure>;
  FidelityMetric: ResolverTypeWrapper<FidelityMetric>;
  FidelityMetricName: FidelityMetricName;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Gender: Gender;
  HeldOutExample: ResolverTypeWrapper<HeldOutExample>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssuedApiToken: ResolverTypeWrapper<IssuedApiToken>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Material: ResolverTypeWrapper<Material>;
  MaterialChange: ResolverTypeWrapper<MaterialChange>;
  MaterialKind: MaterialKind;
  MaterialState: MaterialState;
  Message: ResolverTypeWrapper<Message>;
  MessageChange: ResolverTypeWrapper<MessageChange>;
  MessageConnection: ResolverTypeWrapper<MessageConnection>;
  MessageKind: MessageKind;
  MessagePayload: ResolverTypeWrapper<MessagePayload>;
  MessageSearchHit: ResolverTypeWrapper<MessageSearchHit>;
  MetricQuality: MetricQuality;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MutationPayload: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['MutationPayload']>;
  OverallFidelity: ResolverTypeWrapper<OverallFidelity>;
  OwnedKind: OwnedKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonaCard: ResolverTypeWrapper<PersonaCard>;
  PersonaCardInput: PersonaCardInput;
  PersonaMaterial: ResolverTypeWrapper<PersonaMaterial>;
  PersonaVersion: ResolverTypeWrapper<PersonaVersion>;
  Position: ResolverTypeWrapper<Scalars['Position']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rating: Rating;
  Reply: ResolverTypeWrapper<Reply>;
  ReplyCut: ResolverTypeWrapper<ReplyCut>;
  ReplyFeedback: ResolverTypeWrapper<ReplyFeedback>;
  ReplySource: ReplySource;
  ReplyState: ReplyState;
  ReplyToken: ResolverTypeWrapper<ReplyToken>;
  ScaleOverflow: ResolverTypeWrapper<ScaleOverflow>;
  ServicePart: ResolverTypeWrapper<ServicePart>;
  ServiceStatus: ResolverTypeWrapper<ServiceStatus>;
  Session: ResolverTypeWrapper<Session>;
  SignUpInput: SignUpInput;
  SpeakerTags: ResolverTypeWrapper<SpeakerTags>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TestChange: ResolverTypeWrapper<TestChange>;
  TestComparison: ResolverTypeWrapper<TestComparison>;
  TestProgress: ResolverTypeWrapper<TestProgress>;
  TestReport: ResolverTypeWrapper<TestReport>;
  TestStatus: TestStatus;
  TestVerdict: TestVerdict;
  TimelineConnection: ResolverTypeWrapper<TimelineConnection>;
  TimelineEntry: ResolverTypeWrapper<TimelineEntry>;
  TimelineKind: TimelineKind;
  TrainingChange: ResolverTypeWrapper<TrainingChange>;
  TrainingPayload: ResolverTypeWrapper<TrainingPayload>;
  TrainingRun: ResolverTypeWrapper<TrainingRun>;
  TrainingRunConnection: ResolverTypeWrapper<TrainingRunConnection>;
  TrainingStatus: TrainingStatus;
  TranscriptSegment: ResolverTypeWrapper<TranscriptSegment>;
  TranscriptState: TranscriptState;
  User: ResolverTypeWrapper<User>;
  VerdictBasis: VerdictBasis;
  Voice: ResolverTypeWrapper<Voice>;
  VoiceConsent: ResolverTypeWrapper<VoiceConsent>;
  VoiceConsentInput: VoiceConsentInput;
  VoicePreview: ResolverTypeWrapper<VoicePreview>;
  VoicePreviewState: VoicePreviewState;
  VoiceRecording: ResolverTypeWrapper<VoiceRecording>;
  VoiceSample: ResolverTypeWrapper<VoiceSample>;
  VoiceSampleSegment: ResolverTypeWrapper<VoiceSampleSegment>;
  VoiceSampleState: VoiceSampleState;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiToken: ApiToken;
  Avatar: Avatar;
  AvatarChange: AvatarChange;
  AvatarConnection: AvatarConnection;
  AvatarPayload: AvatarPayload;
  BlindTestGuess: BlindTestGuess;
  BlindTestInvite: BlindTestInvite;
  BlindTestOption: BlindTestOption;
  BlindTestPair: BlindTestPair;
  BlindTestRound: BlindTestRound;
  BlindTestScore: BlindTestScore;
  Boolean: Scalars['Boolean']['output'];
  ChainHead: ChainHead;
  Chat: Chat;
  ChatConnection: ChatConnection;
  ChatFacts: ChatFacts;
  ChatParticipantFacts: ChatParticipantFacts;
  ChatPayload: ChatPayload;
  CitedMaterial: CitedMaterial;
  CitedSource: CitedSource;
  CreatedBlindTestInvite: CreatedBlindTestInvite;
  DateTime: Scalars['DateTime']['output'];
  DecodedMedia: DecodedMedia;
  Done: Done;
  Dub: Dub;
  Erasure: Erasure;
  Failure: Failure;
  FidelityMetric: FidelityMetric;
  Float: Scalars['Float']['output'];
  HeldOutExample: HeldOutExample;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IssuedApiToken: IssuedApiToken;
  JSON: Scalars['JSON']['output'];
  Material: Material;
  MaterialChange: MaterialChange;
  Message: Message;
  MessageChange: MessageChange;
  MessageConnection: MessageConnection;
  MessagePayload: MessagePayload;
  MessageSearchHit: MessageSearchHit;
  Mutation: Record<PropertyKey, never>;
  MutationPayload: ResolversInterfaceTypes<ResolversParentTypes>['MutationPayload'];
  OverallFidelity: OverallFidelity;
  PageInfo: PageInfo;
  PersonaCard: PersonaCard;
  PersonaCardInput: PersonaCardInput;
  PersonaMaterial: PersonaMaterial;
  PersonaVersion: PersonaVersion;
  Position: Scalars['Position']['output'];
  Query: Record<PropertyKey, never>;
  Reply: Reply;
  ReplyCut: ReplyCut;
  ReplyFeedback: ReplyFeedback;
  ReplyToken: ReplyToken;
  ScaleOverflow: ScaleOverflow;
  ServicePart: ServicePart;
  ServiceStatus: ServiceStatus;
  Session: Session;
  SignUpInput: SignUpInput;
  SpeakerTags: SpeakerTags;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TestChange: TestChange;
  TestComparison: TestComparison;
  TestProgress: TestProgress;
  TestReport: TestReport;
  TimelineConnection: TimelineConnection;
  TimelineEntry: TimelineEntry;
  TrainingChange: TrainingChange;
  TrainingPayload: TrainingPayload;
  TrainingRun: TrainingRun;
  TrainingRunConnection: TrainingRunConnection;
  TranscriptSegment: TranscriptSegment;
  User: User;
  Voice: Voice;
  VoiceConsent: VoiceConsent;
  VoiceConsentInput: VoiceConsentInput;
  VoicePreview: VoicePreview;
  VoiceRecording: VoiceRecording;
  VoiceSample: VoiceSample;
  VoiceSampleSegment: VoiceSampleSegment;
};

export type OwnedDirectiveArgs = {
  kind: OwnedKind;
};

export type OwnedDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = OwnedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type UnownedDirectiveArgs = {
  reason: Scalars['String']['input'];
};

export type UnownedDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = UnownedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApiTokenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AvatarResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Avatar'] = ResolversParentTypes['Avatar']> = {
  activePersonaVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  blindTest?: Resolver<Maybe<ResolversTypes['BlindTestRound']>, ParentType, ContextType>;
  blindTestInvites?: Resolver<Array<ResolversTypes['BlindTestInvite']>, ParentType, ContextType>;
  blindTestScores?: Resolver<Array<ResolversTypes['BlindTestScore']>, ParentType, ContextType>;
  chainHead?: Resolver<Maybe<ResolversTypes['ChainHead']>, ParentType, ContextType>;
  chats?: Resolver<ResolversTypes['ChatConnection'], ParentType, ContextType, RequireFields<AvatarChatsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentTraining?: Resolver<Maybe<ResolversTypes['TrainingRun']>, ParentType, ContextType>;
  erasure?: Resolver<ResolversTypes['Erasure'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType, RequireFields<AvatarMaterialArgs, 'id'>>;
  materials?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType, RequireFields<AvatarMaterialsArgs, 'includeRemoved'>>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personaCard?: Resolver<ResolversTypes['PersonaCard'], ParentType, ContextType>;
  personaVersion?: Resolver<ResolversTypes['PersonaVersion'], ParentType, ContextType, RequireFields<AvatarPersonaVersionArgs, 'version'>>;
  personaVersions?: Resolver<Array<ResolversTypes['PersonaVersion']>, ParentType, ContextType>;
  replyFeedback?: Resolver<Array<ResolversTypes['ReplyFeedback']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AvatarStatus'], ParentType, ContextType>;
  testReports?: Resolver<Array<ResolversTypes['TestReport']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['TimelineConnection'], ParentType, ContextType, RequireFields<AvatarTimelineArgs, 'first'>>;
  trainingRuns?: Resolver<ResolversTypes['TrainingRunConnection'], ParentType, ContextType, RequireFields<AvatarTrainingRunsArgs, 'first'>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  voice?: Resolver<ResolversTypes['Voice'], ParentType, ContextType>;
};

export type AvatarChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AvatarChange'] = ResolversParentTypes['AvatarChange']> = {
  avatar?: Resolver<ResolversTypes['Avatar'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
};

export type AvatarConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AvatarConnection'] = ResolversParentTypes['AvatarConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Avatar']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AvatarPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AvatarPayload'] = ResolversParentTypes['AvatarPayload']> = {
  avatar?: Resolver<ResolversTypes['Avatar'], ParentType, ContextType>;
  avatarId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BlindTestGuessResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['BlindTestGuess'] = ResolversParentTypes['BlindTestGuess']> = {
  correct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  counted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  realOptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BlindTestInviteResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['BlindTestInvite'] = ResolversParentTypes['BlindTestInvite']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  guesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type BlindTestOptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['BlindTestOption'] = ResolversParentTypes['BlindTestOption']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BlindTestPairResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['BlindTestPair'] = ResolversParentTypes['BlindTestPair']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['BlindTestOption']>, ParentType, ContextType>;
};

export type BlindTestRoundResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['BlindTestRound'] = ResolversParentTypes['BlindTestRound']> = {
  pairs?: Resolver<Array<ResolversTypes['BlindTestPair']>, ParentType, ContextType>;
  personaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BlindTestScoreResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['BlindTestScore'] = ResolversParentTypes['BlindTestScore']> = {
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  correct?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  guesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  personaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChainHeadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChainHead'] = ResolversParentTypes['ChainHead']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChatResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Chat'] = ResolversParentTypes['Chat']> = {
  avatar?: Resolver<ResolversTypes['Avatar'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastMessageAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  messageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<ChatMessagesArgs, 'first' | 'newestFirst'>>;
  personaVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChatStatus'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  untitled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ChatConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChatConnection'] = ResolversParentTypes['ChatConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Chat']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ChatFactsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChatFacts'] = ResolversParentTypes['ChatFacts']> = {
  firstMessageAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastMessageAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['ChatParticipantFacts']>, ParentType, ContextType>;
  timeZoneKnown?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ChatParticipantFactsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChatParticipantFacts'] = ResolversParentTypes['ChatParticipantFacts']> = {
  firstMessageAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastMessageAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  messageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChatPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChatPayload'] = ResolversParentTypes['ChatPayload']> = {
  chat?: Resolver<ResolversTypes['Chat'], ParentType, ContextType>;
  chatId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CitedMaterialResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CitedMaterial'] = ResolversParentTypes['CitedMaterial']> = {
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CitedSourceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CitedSource'] = ResolversParentTypes['CitedSource']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CitedSourceKind'], ParentType, ContextType>;
  material?: Resolver<Maybe<ResolversTypes['CitedMaterial']>, ParentType, ContextType>;
  prompt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  saidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  startSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreatedBlindTestInviteResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CreatedBlindTestInvite'] = ResolversParentTypes['CreatedBlindTestInvite']> = {
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  invite?: Resolver<ResolversTypes['BlindTestInvite'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DecodedMediaResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DecodedMedia'] = ResolversParentTypes['DecodedMedia']> = {
  channels?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  durationSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sampleRate?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DoneResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Done'] = ResolversParentTypes['Done']> = {
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DubResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Dub'] = ResolversParentTypes['Dub']> = {
  audioUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  madeUnderWithdrawnConsent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DubState'], ParentType, ContextType>;
  voice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ErasureResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Erasure'] = ResolversParentTypes['Erasure']> = {
  erased?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FailureResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Failure'] = ResolversParentTypes['Failure']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FidelityMetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FidelityMetric'] = ResolversParentTypes['FidelityMetric']> = {
  baseline?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  baselineOutside?: Resolver<Maybe<ResolversTypes['ScaleOverflow']>, ParentType, ContextType>;
  ceiling?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  floor?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lift?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  liftHigh?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  liftLow?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  measured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['FidelityMetricName'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newVersion?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  newVersionOutside?: Resolver<Maybe<ResolversTypes['ScaleOverflow']>, ParentType, ContextType>;
  onScale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  quality?: Resolver<ResolversTypes['MetricQuality'], ParentType, ContextType>;
  qualityNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rawBaseline?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rawNewVersion?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replies?: Resolver<Maybe<ResolversTypes['ReplySource']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HeldOutExampleResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HeldOutExample'] = ResolversParentTypes['HeldOutExample']> = {
  baseline?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  newVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  real?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IssuedApiTokenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['IssuedApiToken'] = ResolversParentTypes['IssuedApiToken']> = {
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MaterialResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Material'] = ResolversParentTypes['Material']> = {
  avatarId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  charCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  chat?: Resolver<Maybe<ResolversTypes['ChatFacts']>, ParentType, ContextType>;
  chosenParticipant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  chosenParticipants?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  decoded?: Resolver<Maybe<ResolversTypes['DecodedMedia']>, ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  erasure?: Resolver<ResolversTypes['Erasure'], ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MaterialKind'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  preview?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  removed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  segments?: Resolver<Array<ResolversTypes['TranscriptSegment']>, ParentType, ContextType, RequireFields<MaterialSegmentsArgs, 'first' | 'offset'>>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  speakers?: Resolver<Maybe<ResolversTypes['SpeakerTags']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['MaterialState'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<MaterialTextArgs, 'maxChars'>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MaterialChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MaterialChange'] = ResolversParentTypes['MaterialChange']> = {
  material?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
};

export type MessageResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  chatId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MessageKind'], ParentType, ContextType>;
  replies?: Resolver<Array<ResolversTypes['Reply']>, ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['Reply']>, ParentType, ContextType>;
  replyState?: Resolver<ResolversTypes['ReplyState'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voice?: Resolver<Maybe<ResolversTypes['VoiceRecording']>, ParentType, ContextType>;
};

export type MessageChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageChange'] = ResolversParentTypes['MessageChange']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessagePayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessagePayload'] = ResolversParentTypes['MessagePayload']> = {
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageSearchHitResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageSearchHit'] = ResolversParentTypes['MessageSearchHit']> = {
  chatId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  chatTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  activatePersonaVersion?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationActivatePersonaVersionArgs, 'avatarId' | 'version'>>;
  activateVoiceSample?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationActivateVoiceSampleArgs, 'avatarId' | 'sampleId'>>;
  cancelReply?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationCancelReplyArgs, 'chatId' | 'messageId'>>;
  changeEmail?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationChangeEmailArgs, 'currentPassword' | 'newEmail'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  chooseChatParticipant?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationChooseChatParticipantArgs, 'avatarId' | 'materialId'>>;
  chooseReply?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationChooseReplyArgs, 'chatId' | 'messageId' | 'replyId'>>;
  createAvatar?: Resolver<ResolversTypes['AvatarPayload'], ParentType, ContextType, RequireFields<MutationCreateAvatarArgs, 'name'>>;
  createBlindTestInvite?: Resolver<ResolversTypes['CreatedBlindTestInvite'], ParentType, ContextType, RequireFields<MutationCreateBlindTestInviteArgs, 'avatarId' | 'days'>>;
  cutVoiceSample?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationCutVoiceSampleArgs, 'avatarId' | 'endSec' | 'materialId' | 'replacesActive' | 'startSec'>>;
  deleteAccount?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationDeleteAccountArgs, 'password'>>;
  deleteAvatar?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationDeleteAvatarArgs, 'confirmName' | 'id'>>;
  deleteChat?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationDeleteChatArgs, 'id'>>;
  deleteMessage?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationDeleteMessageArgs, 'chatId' | 'messageId'>>;
  editMessage?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationEditMessageArgs, 'chatId' | 'messageId' | 'text'>>;
  editPersonaCard?: Resolver<ResolversTypes['AvatarPayload'], ParentType, ContextType, RequireFields<MutationEditPersonaCardArgs, 'card' | 'id'>>;
  guessBlindTest?: Resolver<ResolversTypes['BlindTestGuess'], ParentType, ContextType, RequireFields<MutationGuessBlindTestArgs, 'avatarId' | 'optionId' | 'pairIndex' | 'personaVersion'>>;
  guessInvitedBlindTest?: Resolver<ResolversTypes['BlindTestGuess'], ParentType, ContextType, RequireFields<MutationGuessInvitedBlindTestArgs, 'guesser' | 'optionId' | 'pairIndex' | 'personaVersion' | 'token'>>;
  issueApiToken?: Resolver<ResolversTypes['IssuedApiToken'], ParentType, ContextType, RequireFields<MutationIssueApiTokenArgs, 'name'>>;
  logIn?: Resolver<ResolversTypes['Session'], ParentType, ContextType, RequireFields<MutationLogInArgs, 'email' | 'password'>>;
  logOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLogOutArgs, 'refreshToken'>>;
  openChat?: Resolver<ResolversTypes['ChatPayload'], ParentType, ContextType, RequireFields<MutationOpenChatArgs, 'avatarId'>>;
  ping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  previewVoice?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationPreviewVoiceArgs, 'avatarId' | 'sampleId' | 'text'>>;
  rateReply?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRateReplyArgs, 'chatId' | 'replyId'>>;
  recordVoiceConsent?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRecordVoiceConsentArgs, 'avatarId' | 'consent'>>;
  refreshSession?: Resolver<ResolversTypes['Session'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  regenerateReply?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRegenerateReplyArgs, 'chatId' | 'messageId'>>;
  removeMaterial?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRemoveMaterialArgs, 'avatarId' | 'materialId'>>;
  renameAvatar?: Resolver<ResolversTypes['AvatarPayload'], ParentType, ContextType, RequireFields<MutationRenameAvatarArgs, 'id' | 'name'>>;
  renameChat?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRenameChatArgs, 'id' | 'title'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  revokeApiToken?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRevokeApiTokenArgs, 'id'>>;
  revokeBlindTestInvite?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationRevokeBlindTestInviteArgs, 'avatarId' | 'inviteId'>>;
  sendMessage?: Resolver<ResolversTypes['MessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'chatId' | 'text'>>;
  signUp?: Resolver<ResolversTypes['Session'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  startTraining?: Resolver<ResolversTypes['TrainingPayload'], ParentType, ContextType, RequireFields<MutationStartTrainingArgs, 'avatarId'>>;
  stopTraining?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationStopTrainingArgs, 'avatarId' | 'runId'>>;
  updateProfile?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'fullName'>>;
  withdrawVoiceConsent?: Resolver<ResolversTypes['Done'], ParentType, ContextType, RequireFields<MutationWithdrawVoiceConsentArgs, 'avatarId'>>;
};

export type MutationPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MutationPayload'] = ResolversParentTypes['MutationPayload']> = {
  __resolveType: TypeResolveFn<'AvatarPayload' | 'BlindTestGuess' | 'ChatPayload' | 'CreatedBlindTestInvite' | 'Done' | 'IssuedApiToken' | 'MessagePayload' | 'TrainingPayload', ParentType, ContextType>;
};

export type OverallFidelityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OverallFidelity'] = ResolversParentTypes['OverallFidelity']> = {
  baseline?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lift?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  liftHigh?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  liftLow?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['FidelityMetricName']>, ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newVersion?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rawBaseline?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rawNewVersion?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['ReplySource'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PersonaCardResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonaCard'] = ResolversParentTypes['PersonaCard']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  instructions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  languages?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  personality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scenario?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PersonaMaterialResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonaMaterial'] = ResolversParentTypes['PersonaMaterial']> = {
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MaterialKind'], ParentType, ContextType>;
  materialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  participant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  passages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PersonaVersionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonaVersion'] = ResolversParentTypes['PersonaVersion']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  card?: Resolver<ResolversTypes['PersonaCard'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  embedder?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  materialsUsed?: Resolver<Array<ResolversTypes['PersonaMaterial']>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  stats?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  styleProfile?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  testReport?: Resolver<Maybe<ResolversTypes['TestReport']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface PositionScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Position'], any> {
  name: 'Position';
}

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  avatar?: Resolver<ResolversTypes['Avatar'], ParentType, ContextType, RequireFields<QueryAvatarArgs, 'id'>>;
  avatars?: Resolver<ResolversTypes['AvatarConnection'], ParentType, ContextType, RequireFields<QueryAvatarsArgs, 'first'>>;
  chat?: Resolver<ResolversTypes['Chat'], ParentType, ContextType, RequireFields<QueryChatArgs, 'id'>>;
  invitedBlindTest?: Resolver<ResolversTypes['BlindTestRound'], ParentType, ContextType, RequireFields<QueryInvitedBlindTestArgs, 'token'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  searchChats?: Resolver<Array<ResolversTypes['MessageSearchHit']>, ParentType, ContextType, RequireFields<QuerySearchChatsArgs, 'avatarId' | 'first' | 'text'>>;
  status?: Resolver<ResolversTypes['ServiceStatus'], ParentType, ContextType>;
};

export type ReplyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Reply'] = ResolversParentTypes['Reply']> = {
  closeness?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cut?: Resolver<Maybe<ResolversTypes['ReplyCut']>, ParentType, ContextType>;
  dub?: Resolver<Maybe<ResolversTypes['Dub']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lowConfidence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  personaVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Rating']>, ParentType, ContextType>;
  repliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sourceIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['CitedSource']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReplyCutResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReplyCut'] = ResolversParentTypes['ReplyCut']> = {
  heardSec?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  heardText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  spokenSec?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ReplyFeedbackResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReplyFeedback'] = ResolversParentTypes['ReplyFeedback']> = {
  down?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  personaVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  up?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReplyTokenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReplyToken'] = ResolversParentTypes['ReplyToken']> = {
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ScaleOverflowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ScaleOverflow'] = ResolversParentTypes['ScaleOverflow']> = {
  aboveCeiling?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  belowFloor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServicePartResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ServicePart'] = ResolversParentTypes['ServicePart']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ServiceStatusResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ServiceStatus'] = ResolversParentTypes['ServiceStatus']> = {
  parts?: Resolver<Array<ResolversTypes['ServicePart']>, ParentType, ContextType>;
  passwordResetByEmail?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ready?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SessionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type SpeakerTagsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SpeakerTags'] = ResolversParentTypes['SpeakerTags']> = {
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  otherSpeechSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  personSpeechSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sampleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  avatarChanged?: SubscriptionResolver<ResolversTypes['AvatarChange'], "avatarChanged", ParentType, ContextType, Partial<SubscriptionAvatarChangedArgs>>;
  materialChanged?: SubscriptionResolver<ResolversTypes['MaterialChange'], "materialChanged", ParentType, ContextType, RequireFields<SubscriptionMaterialChangedArgs, 'avatarId'>>;
  messageChanged?: SubscriptionResolver<ResolversTypes['MessageChange'], "messageChanged", ParentType, ContextType, RequireFields<SubscriptionMessageChangedArgs, 'chatId'>>;
  replyTokens?: SubscriptionResolver<ResolversTypes['ReplyToken'], "replyTokens", ParentType, ContextType, RequireFields<SubscriptionReplyTokensArgs, 'chatId'>>;
  testChanged?: SubscriptionResolver<ResolversTypes['TestChange'], "testChanged", ParentType, ContextType, RequireFields<SubscriptionTestChangedArgs, 'avatarId'>>;
  trainingChanged?: SubscriptionResolver<ResolversTypes['TrainingChange'], "trainingChanged", ParentType, ContextType, RequireFields<SubscriptionTrainingChangedArgs, 'avatarId'>>;
};

export type TestChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TestChange'] = ResolversParentTypes['TestChange']> = {
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['TestProgress']>, ParentType, ContextType>;
  report?: Resolver<ResolversTypes['TestReport'], ParentType, ContextType>;
};

export type TestComparisonResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TestComparison'] = ResolversParentTypes['TestComparison']> = {
  lift?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  liftHigh?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  liftLow?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  overall?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  personaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportedOverall?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TestProgressResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TestProgress'] = ResolversParentTypes['TestProgress']> = {
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['AvatarTestStep'], ParentType, ContextType>;
};

export type TestReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TestReport'] = ResolversParentTypes['TestReport']> = {
  comparedWith?: Resolver<Maybe<ResolversTypes['TestComparison']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  examples?: Resolver<Array<ResolversTypes['HeldOutExample']>, ParentType, ContextType>;
  headline?: Resolver<Maybe<ResolversTypes['ReplySource']>, ParentType, ContextType>;
  heldOutPairs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['FidelityMetric']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  overall?: Resolver<Maybe<ResolversTypes['OverallFidelity']>, ParentType, ContextType>;
  pairsTested?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  personaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  report?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scoresCapped?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TestStatus'], ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['TestVerdict']>, ParentType, ContextType>;
  verdictAgainst?: Resolver<Maybe<ResolversTypes['VerdictBasis']>, ParentType, ContextType>;
  worse?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type TimelineConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TimelineConnection'] = ResolversParentTypes['TimelineConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['TimelineEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  chainHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  chatId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TrainingChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainingChange'] = ResolversParentTypes['TrainingChange']> = {
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['TrainingRun'], ParentType, ContextType>;
};

export type TrainingPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainingPayload'] = ResolversParentTypes['TrainingPayload']> = {
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['TrainingRun'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TrainingRunResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainingRun'] = ResolversParentTypes['TrainingRun']> = {
  avatarId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  etaSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['Material']>, ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  personaVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  stage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stats?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TrainingStatus'], ParentType, ContextType>;
  testReport?: Resolver<Maybe<ResolversTypes['TestReport']>, ParentType, ContextType>;
};

export type TrainingRunConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainingRunConnection'] = ResolversParentTypes['TrainingRunConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['TrainingRun']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TranscriptSegmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TranscriptSegment'] = ResolversParentTypes['TranscriptSegment']> = {
  endSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  isPerson?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  speakerSimilarity?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  startSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  apiTokens?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type VoiceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Voice'] = ResolversParentTypes['Voice']> = {
  activeSampleId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  consent?: Resolver<Maybe<ResolversTypes['VoiceConsent']>, ParentType, ContextType>;
  consentWithdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sample?: Resolver<Maybe<ResolversTypes['VoiceSample']>, ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['VoiceSample']>, ParentType, ContextType>;
};

export type VoiceConsentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VoiceConsent'] = ResolversParentTypes['VoiceConsent']> = {
  basis?: Resolver<ResolversTypes['ConsentBasis'], ParentType, ContextType>;
  consentGivenOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  personName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type VoicePreviewResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VoicePreview'] = ResolversParentTypes['VoicePreview']> = {
  audioUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['VoicePreviewState'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type VoiceRecordingResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VoiceRecording'] = ResolversParentTypes['VoiceRecording']> = {
  audioUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  callId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  durationSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mediaType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  segments?: Resolver<Maybe<Array<ResolversTypes['TranscriptSegment']>>, ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  transcriptState?: Resolver<ResolversTypes['TranscriptState'], ParentType, ContextType>;
};

export type VoiceSampleResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VoiceSample'] = ResolversParentTypes['VoiceSample']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  audioUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationSec?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['Failure']>, ParentType, ContextType>;
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  loudnessLufs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  preview?: Resolver<Maybe<ResolversTypes['VoicePreview']>, ParentType, ContextType>;
  replacesActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  segment?: Resolver<Maybe<ResolversTypes['VoiceSampleSegment']>, ParentType, ContextType>;
  speakerConsistency?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['VoiceSampleState'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type VoiceSampleSegmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VoiceSampleSegment'] = ResolversParentTypes['VoiceSampleSegment']> = {
  endSec?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  materialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startSec?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  ApiToken?: ApiTokenResolvers<ContextType>;
  Avatar?: AvatarResolvers<ContextType>;
  AvatarChange?: AvatarChangeResolvers<ContextType>;
  AvatarConnection?: AvatarConnectionResolvers<ContextType>;
  AvatarPayload?: AvatarPayloadResolvers<ContextType>;
  BlindTestGuess?: BlindTestGuessResolvers<ContextType>;
  BlindTestInvite?: BlindTestInviteResolvers<ContextType>;
  BlindTestOption?: BlindTestOptionResolvers<ContextType>;
  BlindTestPair?: BlindTestPairResolvers<ContextType>;
  BlindTestRound?: BlindTestRoundResolvers<ContextType>;
  BlindTestScore?: BlindTestScoreResolvers<ContextType>;
  ChainHead?: ChainHeadResolvers<ContextType>;
  Chat?: ChatResolvers<ContextType>;
  ChatConnection?: ChatConnectionResolvers<ContextType>;
  ChatFacts?: ChatFactsResolvers<ContextType>;
  ChatParticipantFacts?: ChatParticipantFactsResolvers<ContextType>;
  ChatPayload?: ChatPayloadResolvers<ContextType>;
  CitedMaterial?: CitedMaterialResolvers<ContextType>;
  CitedSource?: CitedSourceResolvers<ContextType>;
  CreatedBlindTestInvite?: CreatedBlindTestInviteResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DecodedMedia?: DecodedMediaResolvers<ContextType>;
  Done?: DoneResolvers<ContextType>;
  Dub?: DubResolvers<ContextType>;
  Erasure?: ErasureResolvers<ContextType>;
  Failure?: FailureResolvers<ContextType>;
  FidelityMetric?: FidelityMetricResolvers<ContextType>;
  HeldOutExample?: HeldOutExampleResolvers<ContextType>;
  IssuedApiToken?: IssuedApiTokenResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Material?: MaterialResolvers<ContextType>;
  MaterialChange?: MaterialChangeResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageChange?: MessageChangeResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessagePayload?: MessagePayloadResolvers<ContextType>;
  MessageSearchHit?: MessageSearchHitResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  MutationPayload?: MutationPayloadResolvers<ContextType>;
  OverallFidelity?: OverallFidelityResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonaCard?: PersonaCardResolvers<ContextType>;
  PersonaMaterial?: PersonaMaterialResolvers<ContextType>;
  PersonaVersion?: PersonaVersionResolvers<ContextType>;
  Position?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  Reply?: ReplyResolvers<ContextType>;
  ReplyCut?: ReplyCutResolvers<ContextType>;
  ReplyFeedback?: ReplyFeedbackResolvers<ContextType>;
  ReplyToken?: ReplyTokenResolvers<ContextType>;
  ScaleOverflow?: ScaleOverflowResolvers<ContextType>;
  ServicePart?: ServicePartResolvers<ContextType>;
  ServiceStatus?: ServiceStatusResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SpeakerTags?: SpeakerTagsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TestChange?: TestChangeResolvers<ContextType>;
  TestComparison?: TestComparisonResolvers<ContextType>;
  TestProgress?: TestProgressResolvers<ContextType>;
  TestReport?: TestReportResolvers<ContextType>;
  TimelineConnection?: TimelineConnectionResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  TrainingChange?: TrainingChangeResolvers<ContextType>;
  TrainingPayload?: TrainingPayloadResolvers<ContextType>;
  TrainingRun?: TrainingRunResolvers<ContextType>;
  TrainingRunConnection?: TrainingRunConnectionResolvers<ContextType>;
  TranscriptSegment?: TranscriptSegmentResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Voice?: VoiceResolvers<ContextType>;
  VoiceConsent?: VoiceConsentResolvers<ContextType>;
  VoicePreview?: VoicePreviewResolvers<ContextType>;
  VoiceRecording?: VoiceRecordingResolvers<ContextType>;
  VoiceSample?: VoiceSampleResolvers<ContextType>;
  VoiceSampleSegment?: VoiceSampleSegmentResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  owned?: OwnedDirectiveResolver<any, any, ContextType>;
  public?: PublicDirectiveResolver<any, any, ContextType>;
  unowned?: UnownedDirectiveResolver<any, any, ContextType>;
};
