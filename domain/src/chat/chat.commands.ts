import type { AvatarFacts } from '../avatar/avatar.facts.ts';
import type { Command } from '../kernel/command.ts';
import type { Failure } from '../kernel/failure.ts';
import type { CallEnd, Dub, Rating, Reply, ReplyCutData, VoiceAudio, VoiceTranscript } from './chat.events.ts';

/**
 * Filled by the handler from the avatar stream (`avatarFactsOf`); `null` when
 * that stream reads as empty. The chat decider trusts nothing else about the avatar.
 */
type WithAvatar<Data> = Data & { avatar: AvatarFacts | null };

export type OpenChat = Command<
  'OpenChat',
  WithAvatar<{ chatId: string; avatarId: string; title?: string | null; personaVersion?: number | null }>
>;
export type RenameChat = Command<'RenameChat', WithAvatar<{ title: string }>>;
export type SendMessage = Command<'SendMessage', WithAvatar<{ messageId: string; text: string }>>;
export type RecordReply = Command<'RecordReply', WithAvatar<Reply>>;
export type FailReply = Command<'FailReply', WithAvatar<{ messageId: string } & Failure>>;
export type CancelReply = Command<'CancelReply', WithAvatar<{ messageId: string }>>;
export type RecordDub = Command<'RecordDub', WithAvatar<Dub>>;
export type FailDub = Command<'FailDub', WithAvatar<{ replyId: string } & Failure>>;
export type DeleteChat = Command<'DeleteChat', WithAvatar<Record<never, never>>>;
export type RegenerateReply = Command<'RegenerateReply', WithAvatar<{ messageId: string }>>;
export type ChooseReply = Command<'ChooseReply', WithAvatar<{ messageId: string; replyId: string }>>;
export type RateReply = Command<'RateReply', WithAvatar<{ replyId: string; rating: Rating | null }>>;
export type EditMessage = Command<'EditMessage', WithAvatar<{ messageId: string; text: string }>>;
export type DeleteMessage = Command<'DeleteMessage', WithAvatar<{ messageId: string }>>;
export type SendVoiceMessage = Command<
  'SendVoiceMessage',
  WithAvatar<{ messageId: string; audio: VoiceAudio; callId: string | null }>
>;
export type RecordVoiceTranscript = Command<'RecordVoiceTranscript', WithAvatar<VoiceTranscript>>;
export type FailVoiceTranscript = Command<'FailVoiceTranscript', WithAvatar<{ messageId: string } & Failure>>;
export type StartCall = Command<'StartCall', WithAvatar<{ callId: string; voice: Dub['voice'] }>>;
export type EndCall = Command<'EndCall', WithAvatar<CallEnd>>;
export type CutReply = Command<'CutReply', WithAvatar<ReplyCutData>>;

export type ChatCommand =
  | OpenChat
  | RenameChat
  | SendMessage
  | RecordReply
  | FailReply
  | CancelReply
  | RecordDub
  | FailDub
  | DeleteChat
  | RegenerateReply
  | ChooseReply
  | RateReply
  | EditMessage
  | DeleteMessage
  | SendVoiceMessage
  | RecordVoiceTranscript
  | FailVoiceTranscript
  | StartCall
  | EndCall
  | CutReply;

/** A chat command as callers send it (the gateway, workers): the handler adds what the chat must know about its avatar. */
export type ChatCommandInput = ChatCommand extends infer C
  ? C extends { type: infer T; data: infer D; metadata: infer M }
    ? { type: T; data: Omit<D, 'avatar'>; metadata: M }
    : never
  : never;
