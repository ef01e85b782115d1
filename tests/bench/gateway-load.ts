import autocannon from 'autocannon';
import type { Sample } from './harness.ts';

export interface LoadOptions {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** The exact response every request must get; anything else fails the round. */
  readonly expectBody: string;
  readonly connections: number;
  /** How long the round lasts: whole seconds, or a number of requests (quick mode: done in a blink). */
  readonly length: { readonly seconds: number } | { readonly requests: number };
}

/**
 * One autocannon round. The load generator runs in a worker thread, so it
 * does not share the event loop with the servers it measures. Returns the
 * answered requests and the round's length; any error, timeout, non-2xx or
 * unexpected body fails the round rather than inflating the figure.
 */
export async function loadRound(options: LoadOptions): Promise<Sample> {
  const result = await autocannon({
    url: options.url,
    method: options.method,
    headers: options.headers,
    ...(options.body === undefined ? {} : { body: options.body }),
    expectBody: options.expectBody,
    connections: options.connections,
    ...('seconds' in options.length ? { duration: options.length.seconds } : { amount: options.length.requests }),
    workers: 1,
    // autocannon notices the end of a round only when it samples: every second by default, too coarse for short rounds.
    sampleInt: 100,
  });
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `${options.method} ${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.non2xx} non-2xx, ${result.mismatches} unexpected bodies`,
    );
  }
  return { count: result['2xx'], ms: result.duration * 1000 };
}
