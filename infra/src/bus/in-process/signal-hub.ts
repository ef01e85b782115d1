import type { Signal, SignalListener } from '@bishop/domain/ports';
import { subjectMatcher, validSubject } from '../subjects.ts';

/** A listener that falls this far behind loses new signals (at-most-once, like a slow core NATS subscriber). */
const MAX_QUEUED_SIGNALS = 10_000;

interface Listener extends SignalListener {
  matches(subject: string): boolean;
  push(signal: Signal): void;
}

/** Signals between parts of one process: delivered to whoever listens now, never stored. */
export function createSignalHub() {
  const listeners = new Set<Listener>();

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
    signal(subject: string, data: Uint8Array): void {
      validSubject(subject);
      for (const listener of listeners) if (listener.matches(subject)) listener.push({ subject, data });
    },
    listen,
    async closeAll(): Promise<void> {
      await Promise.all([...listeners].map((listener) => listener.close()));
    },
  };
}
