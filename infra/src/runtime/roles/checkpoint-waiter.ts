import type { LiveFeeds } from '@bishop/gateways';
import { DEFAULT_PROJECTOR_NAME, type ReadModels, ReadModelsTimeoutError } from '@bishop/projections';
import type { Kysely } from 'kysely';

/**
 * Read-your-writes for a gateway in another process than the projector:
 * reads the projector's checkpoint, re-checking whenever a change notice
 * arrives (and every 100 ms, since not every event changes a row).
 */
export function createCheckpointWaiter(db: Kysely<ReadModels>, live: LiveFeeds) {
  async function checkpoint(): Promise<bigint> {
    const row = await db
      .selectFrom('projection_checkpoints')
      .select('position')
      .where('name', '=', DEFAULT_PROJECTOR_NAME)
      .executeTakeFirst();
    return BigInt(row?.position ?? 0);
  }
  return {
    async waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      const stop = new AbortController();
      const notices = live.changes.subscribe((notice) => BigInt(notice.position) >= position, stop.signal);
      try {
        for (let reached = await checkpoint(); reached < position; reached = await checkpoint()) {
          const left = deadline - Date.now();
          if (left <= 0) throw new ReadModelsTimeoutError(position, reached, timeoutMs);
          await Promise.race([notices.next(), new Promise((resolve) => setTimeout(resolve, Math.min(100, left)))]);
        }
      } finally {
        stop.abort();
      }
    },
  };
}
