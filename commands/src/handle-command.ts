import {
  actorIdOf,
  assertStorableEventData,
  type Command,
  currentSchemaVersion,
  type Decider,
  DomainError,
  type DomainEvent,
} from '@bishop/domain';
import {
  aggregateOf,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  RevisionConflictError,
  upcastRecorded,
} from '@bishop/domain/ports';
import type { CommandResult } from './command-result.ts';
import { deterministicUuid } from './deterministic-id.ts';

export interface HandleCommandOptions<State, C extends Command, Event extends DomainEvent> {
  readonly eventStore: EventStore;
  readonly stream: string;
  readonly decider: Decider<State, C, Event>;
  /**
   * Builds the command from the folded state (e.g. adds facts read from
   * another stream) and checks the actor may send it; throws to refuse.
   */
  readonly prepare: (state: State) => Promise<C> | C;
  readonly commandId: string;
  /** Whose data key protects the personal fields of the new events (may depend on the folded state). */
  readonly dataSubject: string | undefined | ((state: State) => string | undefined);
  /** Attempts on a revision conflict before giving up (default 5). */
  readonly maxAttempts?: number;
}

/**
 * Load → fold → decide → append, the one path every command takes.
 * Idempotent by commandId: if the stream already holds the command's events,
 * the first result is returned and nothing is appended.
 */
export async function handleCommand<State, C extends Command, Event extends DomainEvent>(
  options: HandleCommandOptions<State, C, Event>,
): Promise<CommandResult> {
  // Enough rounds for a burst of concurrent writers on one stream (each round lets at least one through).
  const maxAttempts = options.maxAttempts ?? 10;
  const subjectOf = (state: State) =>
    typeof options.dataSubject === 'function' ? options.dataSubject(state) : options.dataSubject;
  for (let attempt = 1; ; attempt++) {
    // 1. Read the stream as it is now and fold the past into state; old event shapes are upcast on the way.
    const { state, recorded } = await aggregateOf(options.eventStore, options.stream, options.decider);

    // 2. Handled before (a retry after a timeout, a redelivered job)? Answer as the first time.
    const earlier = recorded.filter((event) => event.metadata.commandId === options.commandId);
    if (earlier.length > 0) return duplicateResult(options.stream, earlier);

    // 3. Build and authorize the command, then decide.
    const command = await options.prepare(state);
    const decided = options.decider.decide(command, state);
    const last = recorded.at(-1);
    if (decided.length === 0) {
      return {
        stream: options.stream,
        nextRevision: last?.revision ?? -1n,
        position: last?.position ?? 0n,
        events: [],
        duplicate: false,
      };
    }

    // 4. Nothing unstorable reaches the log, whichever rule a decider forgot: one bad event would stop every projector.
    for (const event of decided) assertStorableEventData(event.type, event.data);

    // 5. Append, expecting the revision we read: a concurrent writer makes us start over.
    const expectedRevision: ExpectedRevision = last ? last.revision : 'noStream';
    try {
      const appended = await options.eventStore.appendToStream(
        options.stream,
        decided.map((event, index) => envelope(event, index, command, { ...options, dataSubject: subjectOf(state) })),
        { expectedRevision },
      );
      return { stream: options.stream, ...appended, events: decided, duplicate: false };
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      if (attempt >= maxAttempts) {
        throw new DomainError(
          'BISHOP_ERR_CONCURRENT_CHANGE',
          'This item is being changed by someone else right now; please try again',
          { stream: options.stream },
        );
      }
      await backoff(attempt);
    }
  }
}

function envelope<C extends Command>(
  event: DomainEvent,
  index: number,
  command: C,
  options: { stream: string; commandId: string; dataSubject: string | undefined },
): NewEvent {
  const { metadata } = command;
  return {
    type: event.type,
    data: event.data as NewEvent['data'],
    metadata: {
      eventId: deterministicUuid(options.commandId, options.stream, String(index)),
      commandId: options.commandId,
      correlationId: metadata.correlationId ?? options.commandId,
      causationId: metadata.causationId ?? options.commandId,
      actorId: actorIdOf(metadata.actor),
      schemaVersion: currentSchemaVersion(event.type),
      occurredAt: metadata.now,
      ...(options.dataSubject ? { dataSubject: options.dataSubject } : {}),
    },
  };
}

function duplicateResult(stream: string, earlier: readonly RecordedEvent[]): CommandResult {
  const last = earlier.at(-1) as RecordedEvent;
  return {
    stream,
    nextRevision: last.revision,
    position: last.position,
    events: earlier.map(upcastRecorded),
    duplicate: true,
  };
}

/**
 * Exponential backoff with full jitter (0–10, 0–20, 0–40 … ms, at most 320): N writers racing on one
 * stream need up to N rounds, and full jitter keeps them from colliding in lockstep when the machine
 * is slow enough that half-jittered waits still overlap.
 */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(320, 10 * 2 ** (attempt - 1)) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
