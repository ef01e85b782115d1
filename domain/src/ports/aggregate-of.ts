import type { DomainEvent } from '../events/domain-event.ts';
import { toDomainEvent } from '../events/upcasting.ts';
import type { EventStore, RecordedEvent, StreamName } from './event-store.ts';

/** What folds a stream: a decider's read half, or a fold that also wants each event's place in the stream. */
export interface StreamFold<State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event, recorded: RecordedEvent) => State;
}

/** A stream folded up to `revision`. */
export interface Aggregate<State> {
  readonly stream: StreamName;
  readonly state: State;
  /** The events this read folded, in stream order (only the new ones when it continued an earlier aggregate). */
  readonly recorded: readonly RecordedEvent[];
  /** Revision of the last event folded; -1n when none. */
  readonly revision: bigint;
}

/**
 * The one way to fold a stream: read, upcast each stored event to the shape
 * the domain knows now, fold. Given an earlier aggregate of the same stream,
 * reads only what was appended since and folds it onto that state.
 */
export async function aggregateOf<State, Event extends DomainEvent>(
  eventStore: EventStore,
  stream: StreamName,
  fold: StreamFold<State, Event>,
  since?: Aggregate<State>,
): Promise<Aggregate<State>> {
  const revision = since?.revision ?? -1n;
  const recorded = await eventStore.readStream(stream, since ? { fromRevision: revision + 1n } : undefined);
  let state = since?.state ?? fold.initialState();
  // A stream holds only its category's events, so the decider's own union is the type it reads.
  for (const event of recorded) state = fold.evolve(state, upcastRecorded(event) as Event, event);
  return { stream, state, recorded, revision: recorded.at(-1)?.revision ?? revision };
}

/** A stored event as the deciders know it: upcast to the current shape. */
export function upcastRecorded(event: RecordedEvent): DomainEvent {
  return toDomainEvent(event.type, event.metadata.schemaVersion, event.data);
}
