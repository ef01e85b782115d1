/**
 * Yields what `source` yields, while already asking it for the next item: the
 * producer (ffmpeg decoding + Silero VAD) prepares the next chunk while the
 * consumer (Whisper) works on this one. onnxruntime runs sessions off the main
 * thread, so both really overlap. At most one item waits, so memory stays bounded.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const current = await pending;
      if (current.done) return;
      pending = iterator.next();
      // A failure of the prefetch surfaces on the next await; until then it must not go unhandled.
      pending.catch(() => {});
      yield current.value;
    }
  } finally {
    await iterator.return?.();
  }
}
