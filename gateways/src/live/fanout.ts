/** Why a subscriber that could not keep up was ended (as its iterator's error). */
export const FELL_BEHIND = 'The subscriber fell too far behind and was disconnected; subscribe again';

/**
 * Delivers items from one source to many local subscribers, each with its own
 * filter and a bounded queue. A subscriber that falls `maxQueued` items behind
 * is ended with an error rather than letting memory grow without limit.
 * Listeners by key (see `keyOf`) are called at once with each item of their
 * key, found through an index rather than by asking every subscriber.
 */
export interface Fanout<T> {
  publish(item: T): void;
  subscribe(accepts: (item: T) => boolean, signal?: AbortSignal): AsyncIterableIterator<T>;
  /** Calls `heard` synchronously with every item whose key is `key`, until the returned function is called. */
  listen(key: string, heard: (item: T) => void): () => void;
  readonly subscriberCount: number;
}

export interface FanoutOptions<T> {
  readonly maxQueued?: number;
  /** The key `listen` selects items by (e.g. a reply token's chat); without it `listen` is refused. */
  readonly keyOf?: (item: T) => string;
}

export function createFanout<T>({ maxQueued = 10_000, keyOf }: FanoutOptions<T> = {}): Fanout<T> {
  const subscribers = new Set<Subscriber<T>>();
  const listeners = new Map<string, Set<(item: T) => void>>();
  let listenerCount = 0;
  return {
    publish(item) {
      for (const subscriber of subscribers) if (subscriber.accepts(item)) subscriber.push(item);
      const heard = keyOf && listeners.get(keyOf(item));
      if (heard) for (const listener of heard) listener(item);
    },
    listen(key, heard) {
      if (!keyOf) throw new Error('listen needs a fan-out created with keyOf');
      // A wrapper per call, so the same function listening twice counts twice.
      const listener = (item: T) => heard(item);
      const ofKey = listeners.get(key) ?? new Set();
      listeners.set(key, ofKey.add(listener));
      listenerCount++;
      return () => {
        if (!ofKey.delete(listener)) return;
        listenerCount--;
        if (ofKey.size === 0 && listeners.get(key) === ofKey) listeners.delete(key);
      };
    },
    subscribe(accepts, signal) {
      const subscriber = new Subscriber<T>(accepts, maxQueued, () => subscribers.delete(subscriber));
      subscribers.add(subscriber);
      signal?.addEventListener('abort', () => subscriber.end(), { once: true });
      return subscriber;
    },
    get subscriberCount() {
      return subscribers.size + listenerCount;
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
      this.#error = new Error(FELL_BEHIND);
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
