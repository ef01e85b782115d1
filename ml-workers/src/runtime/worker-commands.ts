import type { AvatarCommand, ChatCommandInput } from '@bishop/domain';

/** A chat command as a worker sends it: the domain's ChatCommandInput, as every caller of the command bus. */
export type WorkerChatCommand = ChatCommandInput;

export interface WorkerCommandResult {
  /** `$all` position of the command's last event. */
  readonly position: bigint;
  /** True when the commandId had been handled before (a redelivered job): nothing was appended. */
  readonly duplicate: boolean;
}

/**
 * How workers record results: the command bus, seen through the two streams
 * workers write to. ml-workers may not import @bishop/commands; infra passes
 * the command bus, which has this shape.
 */
export interface WorkerCommands {
  avatar(avatarId: string, command: AvatarCommand): Promise<WorkerCommandResult>;
  chat(chatId: string, command: WorkerChatCommand): Promise<WorkerCommandResult>;
}
