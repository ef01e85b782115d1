/**
 * Reads at least `bytes` bytes (or everything, if shorter) from a stream and
 * hands back those bytes plus a stream that replays them before the rest, so
 * content can be sniffed without buffering the file.
 */
export async function peekStream(
  source: AsyncIterable<Uint8Array>,
  bytes: number,
): Promise<{ head: Buffer; body: AsyncIterable<Uint8Array>; discardRest: () => Promise<void> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let finished = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* body(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (finished) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  /**
   * Reads and drops whatever the consumer of `body` left unread. Through the same iterator:
   * a Readable being async-iterated ignores resume(), so it could not be drained otherwise.
   */
  async function discardRest(): Promise<void> {
    if (finished) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
    }
  }
  return { head: head.subarray(0, Math.min(head.length, bytes)), body: body(), discardRest };
}
