import type { Signal, SignalListener } from '@bishop/domain/ports';
import { subjectMatcher, validSubject } from '../subjects.ts';

/** A listener that falls this far behind loses new signals (at-most-once, like a slow core NATS subscriber). */
const MAX_QUEUED_SIGNALS = 10_000;

interface Listener extends SignalListener {
  /** 1 for the hub's first listener, 2 for the next… */
  readonly order: number;
  matches(subject: string): boolean;
  push(signal: Signal): void;
}

/** Signals between parts of one process: delivered to whoever listens now, never stored. */
export function createSignalHub() {
  const listeners = new Set<Listener>();
  let registered = 0;

  function listen(filter: string): Listener {
    const matches = subjectMatcher(filter);
    const queued: Signal[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    async function close() {
      closed = true;
      listeners.delete(listener);
      wake?.();
    }
    async function* signals(): AsyncGenerator<Signal> {
      try {
        while (!closed) {
          const next = queued.shift();
          if (next) yield next;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        await close();
      }
    }
    const iterator = signals();
    const listener: Listener = {
      order: ++registered,
      matches,
      push(signal) {
        if (queued.length < MAX_QUEUED_SIGNALS) queued.push(signal);
        wake?.();
      },
      [Symbol.asyncIterator]: () => iterator,
      close,
    };
    listeners.add(listener);
    return listener;
  }

  return {
    /** Delivers to matching listeners; with `upToListener`, only to those that listened by then (see `mark`). */
    signal(subject: string, data: Uint8Array, upToListener = Number.POSITIVE_INFINITY): void {
      validSubject(subject);
      for (const listener of listeners) {
        if (listener.order <= upToListener && listener.matches(subject)) listener.push({ subject, data });
      }
    },
    /** The newest listener so far: a signal sent now must not reach listeners that start later. */
    mark: () => registered,
    listen,
    async closeAll(): Promise<void> {
      await Promise.all([...listeners].map((listener) => listener.close()));
    },
  };
}
