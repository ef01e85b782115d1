import type { EventSubscription, RecordedEvent } from '@bishop/domain/ports';
import { isAfter } from './esdb-positions.ts';

/** The client's subscription as we use it: a Node Readable of resolved events that can unsubscribe. */
export interface SourceSubscription<Raw> extends AsyncIterable<Raw> {
  unsubscribe(): Promise<void>;
  destroy(): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface EventSubscriptionOptions<Raw> {
  /** Opens the server subscription; called when iteration starts, so nothing is buffered before. */
  readonly open: () => SourceSubscription<Raw>;
  /** Our event, or undefined to skip this one (system, foreign or filtered out). */
  readonly select: (raw: Raw) => RecordedEvent | undefined;
  /** Exclusive checkpoint: events at or before it are dropped even if the server sends them. */
  readonly after: bigint | undefined;
  /** Called once the subscription is closed, however that happened. */
  readonly onClosed?: () => void;
}

/**
 * Wraps the client's subscription as our EventSubscription. Iterating pulls one
 * event at a time from the Readable, so a slow consumer pushes back on the server.
 * close() ends a pending next() with `done`; a server error ends it by throwing.
 */
export function createEventSubscription<Raw>(options: EventSubscriptionOptions<Raw>): EventSubscription {
  let source: SourceSubscription<Raw> | undefined;
  let closed = false;
  let iterated = false;
  let closing: Promise<void> | undefined;

  function close(): Promise<void> {
    closed = true;
    closing ??= stop(source).finally(() => options.onClosed?.());
    return closing;
  }

  async function* events(): AsyncGenerator<RecordedEvent> {
    if (closed) return;
    const opened = options.open();
    source = opened;
    // The iterator below hears errors while it runs; this keeps a late one from crashing the process.
    opened.on('error', () => {});
    let checkpoint = options.after;
    try {
      for await (const raw of opened) {
        if (closed) return;
        const event = options.select(raw);
        if (event === undefined || !isAfter(event.position, checkpoint)) continue;
        checkpoint = event.position;
        yield event;
      }
      if (!closed) throw new Error('EventStoreDB ended the $all subscription; resubscribe from the last checkpoint');
    } catch (error) {
      // Closing destroys the Readable, which ends a pending read with a premature-close error.
      if (!closed) throw error;
    } finally {
      await close();
    }
  }

  return {
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error('An EventSubscription can be iterated only once');
      iterated = true;
      return events();
    },
    close,
  };
}

async function stop<Raw>(source: SourceSubscription<Raw> | undefined): Promise<void> {
  if (!source) return;
  try {
    await source.unsubscribe();
  } catch {
    // A subscription that failed to open has no call to cancel; destroying it below is all that is left.
  } finally {
    source.destroy();
  }
}
