import type { GraphQLServices } from '../services.ts';

/**
 * Reads something a mutation just wrote: waits until the read models include
 * the write's position, then loads it. Payload fields use this, so a client
 * gets its own write back in the same response.
 */
export async function readAfter<T>(
  services: GraphQLServices,
  position: bigint,
  load: () => Promise<T | null | undefined>,
): Promise<T> {
  await services.waitForPosition(position);
  const value = await load();
  if (value === null || value === undefined) {
    throw new Error(`read models reached position ${position} but do not show the written item`);
  }
  return value;
}

/** Polls `load` until it finds something, for reads whose write position is not known; null after `timeoutMs`. */
export async function eventually<T>(load: () => Promise<T | null | undefined>, timeoutMs = 3000): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    const value = await load();
    if (value !== null && value !== undefined) return value;
    if (Date.now() + delay > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
