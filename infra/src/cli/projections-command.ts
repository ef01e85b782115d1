import { rebuildReadModels } from '@bishop/projections';
import type { BishopConfig } from '../config/config.ts';
import { openStores } from '../runtime/stores.ts';

/**
 * `bishop projections rebuild`: replays every event into fresh read-model
 * tables and swaps them in atomically; the old tables serve queries until then.
 * With the embedded database, stop `bishop start` first (PGlite is single-process).
 */
export async function runProjectionsCommand(config: BishopConfig, action: string | undefined): Promise<number> {
  if (action !== 'rebuild') {
    console.error('Usage: bishop projections rebuild');
    return 1;
  }
  const stores = await openStores(config);
  try {
    let lastReport = 0;
    const result = await rebuildReadModels({
      eventStore: stores.eventStore,
      db: stores.readStore.db,
      schema: stores.readStore.schema,
      onProgress: (progress) => {
        if (Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        console.log(
          `  ${JSON.stringify(progress, (_key, value) => (typeof value === 'bigint' ? value.toString() : value))}`,
        );
      },
    });
    const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
    console.log(
      `Rebuilt the read models from ${result.events} events in ${result.seconds.toFixed(1)} s (${rate} events/s), up to position ${result.position}`,
    );
    return 0;
  } finally {
    await stores.close();
  }
}
