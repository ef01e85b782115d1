import type { DomainEvent } from '@bishop/domain';

export interface CommandResult {
  readonly stream: string;
  /** Revision of the stream's last event after the command (-1n: the stream is still empty). */
  readonly nextRevision: bigint;
  /**
   * `$all` position of the command's last event — or of the stream's last event
   * when nothing was appended. Read models are current for this command once
   * they reach it.
   */
  readonly position: bigint;
  /** What this command appended (or appended the first time, for a duplicate). */
  readonly events: readonly DomainEvent[];
  /** True when the commandId had already been handled: nothing new was appended. */
  readonly duplicate: boolean;
}
