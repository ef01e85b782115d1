import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Discards what is left of a rejected file so the multipart parser can reach
 * the next part (an unread part stalls the whole request).
 */
export async function drainStream(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  stream.resume();
  await finished(stream).catch(() => {});
}
