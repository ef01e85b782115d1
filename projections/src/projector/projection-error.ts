import type { RecordedEvent } from '@bishop/domain/ports';

/** An event the projection could not apply: says which one, so the log points at it. */
export class EventProjectionError extends Error {
  override readonly name = 'EventProjectionError';
  readonly position: bigint;
  readonly eventType: string;
  constructor(event: Pick<RecordedEvent, 'position' | 'type'>, cause: unknown) {
    super(`Could not project ${event.type} at position ${event.position}: ${messageOf(cause)}`, { cause });
    this.position = event.position;
    this.eventType = event.type;
  }
}

/** `waitFor` gave up: the read models did not reach the position in time. */
export class ReadModelsTimeoutError extends Error {
  override readonly name = 'ReadModelsTimeoutError';
  readonly position: bigint;
  readonly checkpoint: bigint;
  constructor(position: bigint, checkpoint: bigint, timeoutMs: number) {
    super(`Read models did not reach position ${position} within ${timeoutMs} ms (they are at ${checkpoint})`);
    this.position = position;
    this.checkpoint = checkpoint;
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
