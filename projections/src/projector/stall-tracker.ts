import type { ProjectionStall } from '../checkpoints/checkpoint.queries.ts';
import type { EventProjectionError } from './projection-error.ts';

/**
 * Counts consecutive failures on one event. Past `threshold` the projector is
 * stalled on it: that is recorded (so /readyz, the metric and the operator
 * command see it) instead of retrying in silence. A commit clears it.
 */
export class StallTracker {
  readonly #threshold: number;
  readonly #record: (stall: ProjectionStall) => Promise<void>;
  #failing: ProjectionStall | null = null;

  constructor(threshold: number, record: (stall: ProjectionStall) => Promise<void>) {
    this.#threshold = threshold;
    this.#record = record;
  }

  /** The stall, once the same event has failed `threshold` times in a row. */
  current(): ProjectionStall | null {
    return this.#failing !== null && this.#failing.attempts >= this.#threshold ? this.#failing : null;
  }

  async failed(error: EventProjectionError): Promise<void> {
    const same = this.#failing?.position === error.position;
    this.#failing = {
      position: error.position,
      eventType: error.eventType,
      reason: error.message,
      since: same && this.#failing ? this.#failing.since : new Date(),
      attempts: same && this.#failing ? this.#failing.attempts + 1 : 1,
    };
    const stall = this.current();
    // Best effort: when the database itself is what fails, /readyz already says so.
    if (stall !== null) await this.#record(stall).catch(() => {});
  }

  clear(): void {
    this.#failing = null;
  }
}
