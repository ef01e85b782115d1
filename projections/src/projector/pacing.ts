export interface RetryDelays {
  readonly initialMs: number;
  readonly maxMs: number;
}

const DEFAULT_DELAYS: RetryDelays = { initialMs: 100, maxMs: 30_000 };

/** Exponential backoff with jitter: a failing event is retried ever more slowly, never given up on. */
export function retryDelay(attempt: number, delays: RetryDelays = DEFAULT_DELAYS): number {
  const exponential = delays.initialMs * 2 ** Math.min(attempt - 1, 20);
  return Math.round(Math.min(delays.maxMs, exponential) * (0.75 + Math.random() * 0.5));
}

/**
 * One turn of the event loop. PGlite answers without leaving the microtask
 * queue, so a long catch-up or rebuild on it would otherwise starve timers and
 * HTTP requests in the same process (`bishop start`).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
