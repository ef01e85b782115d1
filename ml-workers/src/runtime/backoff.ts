export interface Backoff {
  /** Delay before the second delivery (default 1 s). */
  readonly initialMs: number;
  /** Longest delay (default 5 minutes). */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 5 * 60_000 };

/** Exponential: initialMs after the first delivery, doubling per delivery, capped at maxMs. */
export function backoffDelay(deliveryCount: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.initialMs * 2 ** Math.max(0, deliveryCount - 1), backoff.maxMs);
}
