import type { AvatarFacts } from '../avatar/avatar.facts.ts';
import type { Command } from '../kernel/command.ts';
import type { Failure } from '../kernel/failure.ts';
import type { Dub, Reply } from './chat.events.ts';

/**
 * Filled by the handler from the avatar stream (`avatarFactsOf`); `null` when
 * that stream reads as empty. The chat decider trusts nothing else about the avatar.
 */
type WithAvatar<Data> = Data & { avatar: AvatarFacts | null };

export type OpenChat = Command<
  'OpenChat',
  WithAvatar<{ chatId: string; avatarId: string; title: string; personaVersion?: number | null }>
>;
export type RenameChat = Command<'RenameChat', WithAvatar<{ title: string }>>;
export type SendMessage = Command<'SendMessage', WithAvatar<{ messageId: string; text: string }>>;
export type RecordReply = Command<'RecordReply', WithAvatar<Reply>>;
export type FailReply = Command<'FailReply', WithAvatar<{ messageId: string } & Failure>>;
export type CancelReply = Command<'CancelReply', WithAvatar<{ messageId: string }>>;
export type RecordDub = Command<'RecordDub', WithAvatar<Dub>>;
export type FailDub = Command<'FailDub', WithAvatar<{ replyId: string } & Failure>>;
export type DeleteChat = Command<'DeleteChat', WithAvatar<Record<never, never>>>;

export type ChatCommand =
  | OpenChat
  | RenameChat
  | SendMessage
  | RecordReply
  | FailReply
  | CancelReply
  | RecordDub
  | FailDub
  | DeleteChat;
