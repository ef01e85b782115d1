import { DEFAULT_PROJECTOR_NAME, readProjectionStatus, rebuildReadModels } from '@bishop/projections';
import type { BishopConfig } from '../config/config.ts';
import { describeStall } from '../runtime/roles/projection-readiness.ts';
import { openStores } from '../runtime/stores.ts';

const usage = 'Usage: bishop projections rebuild | bishop projections status';

/**
 * `bishop projections rebuild`: replays every event into fresh read-model
 * tables and swaps them in atomically; the old tables serve queries until then.
 * `bishop projections status`: how far the read models are, and the event the
 * projector is stalled on if any (exit code 2 then, for scripts).
 * With the embedded database, stop `bishop start` first (PGlite is single-process).
 */
export async function runProjectionsCommand(config: BishopConfig, action: string | undefined): Promise<number> {
  if (action === 'status') return showStatus(config);
  if (action !== 'rebuild') {
    console.error(usage);
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

async function showStatus(config: BishopConfig): Promise<number> {
  const stores = await openStores(config);
  try {
    const { checkpoint, stall } = await readProjectionStatus(stores.readStore.models, DEFAULT_PROJECTOR_NAME);
    const head = await stores.eventStore.headPosition();
    console.log(`Read models: applied up to position ${checkpoint} of ${head} (${head - checkpoint} behind)`);
    if (stall === null) {
      console.log('Projector: following the log');
      return 0;
    }
    console.log(`Projector: ${describeStall(stall)}`);
    console.log(`  reason: ${stall.reason}`);
    return 2;
  } finally {
    await stores.close();
  }
}
