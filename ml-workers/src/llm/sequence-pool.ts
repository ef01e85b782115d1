/**
 * Lends a fixed set of resources (llama.cpp context sequences) one caller at
 * a time each; callers beyond the set wait in arrival order.
 */
export class SequencePool<T> {
  readonly #free: T[];
  readonly #waiting: ((item: T) => void)[] = [];

  constructor(items: readonly T[]) {
    this.#free = [...items];
  }

  /** Runs `use` with a free item, waiting for one when all are lent; the item returns to the pool after. */
  async use<R>(use: (item: T) => Promise<R>, signal?: AbortSignal): Promise<R> {
    const item = await this.#take(signal);
    try {
      return await use(item);
    } finally {
      this.#give(item);
    }
  }

  #take(signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const item = this.#free.pop();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve, reject) => {
      const waiter = (taken: T) => {
        signal?.removeEventListener('abort', giveUp);
        resolve(taken);
      };
      const giveUp = () => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', giveUp, { once: true });
      this.#waiting.push(waiter);
    });
  }

  #give(item: T): void {
    const next = this.#waiting.shift();
    if (next) next(item);
    else this.#free.push(item);
  }
}
