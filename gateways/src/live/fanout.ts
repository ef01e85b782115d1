/**
 * Delivers items from one source to many local subscribers, each with its own
 * filter and a bounded queue. A subscriber that falls `maxQueued` items behind
 * is ended with an error rather than letting memory grow without limit.
 */
export interface Fanout<T> {
  publish(item: T): void;
  subscribe(accepts: (item: T) => boolean, signal?: AbortSignal): AsyncIterableIterator<T>;
  readonly subscriberCount: number;
}

export function createFanout<T>(maxQueued = 10_000): Fanout<T> {
  const subscribers = new Set<Subscriber<T>>();
  return {
    publish(item) {
      for (const subscriber of subscribers) if (subscriber.accepts(item)) subscriber.push(item);
    },
    subscribe(accepts, signal) {
      const subscriber = new Subscriber<T>(accepts, maxQueued, () => subscribers.delete(subscriber));
      subscribers.add(subscriber);
      signal?.addEventListener('abort', () => subscriber.end(), { once: true });
      return subscriber;
    },
    get subscriberCount() {
      return subscribers.size;
    },
  };
}

class Subscriber<T> implements AsyncIterableIterator<T> {
  readonly accepts: (item: T) => boolean;
  #queue: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #failWaiting: ((error: Error) => void) | undefined;
  #done = false;
  #error: Error | undefined;
  readonly #maxQueued: number;
  readonly #onEnd: () => void;

  constructor(accepts: (item: T) => boolean, maxQueued: number, onEnd: () => void) {
    this.accepts = accepts;
    this.#maxQueued = maxQueued;
    this.#onEnd = onEnd;
  }

  push(item: T): void {
    if (this.#done) return;
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = this.#failWaiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.#queue.length >= this.#maxQueued) {
      this.#error = new Error('The subscriber fell too far behind and was disconnected; subscribe again');
      this.end();
      return;
    }
    this.#queue.push(item);
  }

  end(): void {
    if (this.#done) return;
    this.#done = true;
    this.#onEnd();
    if (this.#error && this.#failWaiting) this.#failWaiting(this.#error);
    else this.#waiting?.({ value: undefined, done: true });
    this.#waiting = this.#failWaiting = undefined;
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.#queue.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#error) return Promise.reject(this.#error);
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      this.#failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.#queue = [];
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
