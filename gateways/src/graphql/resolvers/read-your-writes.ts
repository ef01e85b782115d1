import { DomainError } from '@bishop/domain';
import { ReadModelsTimeoutError } from '@bishop/projections';
import type { GraphQLServices } from '../services.ts';

/**
 * Waits until the read models include `position`. When they do not in time (a projector far
 * behind, or stalled) the caller learns that with a code: the write itself is safe.
 */
export async function waitForReadModels(services: Pick<GraphQLServices, 'waitForPosition'>, position: bigint) {
  try {
    await services.waitForPosition(position);
  } catch (error) {
    if (!(error instanceof ReadModelsTimeoutError)) throw error;
    throw new DomainError(
      'BISHOP_ERR_READ_MODELS_BEHIND',
      `The change is saved (position ${position}), but the read models have not caught up yet (they are at ${error.checkpoint}); read it again shortly`,
      { position: position.toString(), checkpoint: error.checkpoint.toString() },
    );
  }
}

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
  await waitForReadModels(services, position);
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
