/**
 * An async iterable fed by `push`: audio arriving on a socket becomes the
 * stream the VAD pulls from (the VAD keeps one frame of state and pulls as it goes).
 */
export function pushable<T>() {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  return {
    push(item: T): void {
      if (ended) return;
      queue.push(item);
      wake?.();
    },
    end(): void {
      ended = true;
      wake?.();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      for (;;) {
        const item = queue.shift();
        if (item !== undefined) {
          yield item;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    },
  };
}
