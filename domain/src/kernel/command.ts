import type { Actor } from './actor.ts';

/** Everything a command needs from the outside world, decided before the domain runs. */
export interface CommandMetadata {
  /** Client-chosen (or derived) id: the same commandId never appends twice. */
  readonly commandId: string;
  readonly actor: Actor;
  /** ISO-8601 instant at which the command is handled. */
  readonly now: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
