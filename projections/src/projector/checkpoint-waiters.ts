import { ReadModelsTimeoutError } from './projection-error.ts';

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The projector's checkpoint, and the callers waiting for it to reach a position (read-your-writes). */
export class CheckpointWaiters {
  #position: bigint;
  readonly #waiters = new Set<Waiter>();

  constructor(position: bigint) {
    this.#position = position;
  }

  get position(): bigint {
    return this.#position;
  }

  /** The read models now include everything up to `position`. */
  reach(position: bigint): void {
    if (position > this.#position) this.#position = position;
    for (const waiter of this.#waiters) {
      if (waiter.position <= this.#position) this.#settle(waiter, null);
    }
  }

  /** The tables were replaced by ones at `position` (possibly lower): waiters keep waiting. */
  rewind(position: bigint): void {
    this.#position = position;
  }

  waitFor(position: bigint, timeoutMs: number): Promise<void> {
    if (position <= this.#position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(
          () => this.#settle(waiter, new ReadModelsTimeoutError(position, this.#position, timeoutMs)),
          timeoutMs,
        ),
      };
      this.#waiters.add(waiter);
    });
  }

  /** The projector stopped: nobody will move the checkpoint any more. */
  close(): void {
    for (const waiter of this.#waiters) {
      this.#settle(
        waiter,
        new Error(`The projector stopped before the read models reached position ${waiter.position}`),
      );
    }
  }

  #settle(waiter: Waiter, error: Error | null): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    if (error === null) waiter.resolve();
    else waiter.reject(error);
  }
}
