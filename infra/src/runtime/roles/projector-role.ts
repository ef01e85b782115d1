import { liveChannels, sendLive } from '@bishop/domain/ports';
import { createProjector, type Projector } from '@bishop/projections';
import type { Logger } from 'pino';
import type { Stores } from '../stores.ts';

/**
 * The projector: follows `$all` into the read models and, after each commit,
 * signals what changed so every gateway can push it to its subscriptions.
 */
export async function startProjector(stores: Stores, logger: Logger): Promise<Projector> {
  const projector = createProjector({
    eventStore: stores.eventStore,
    db: stores.readStore.db,
    schema: stores.readStore.schema,
    onCommitted: (notices) => {
      for (const notice of notices) sendLive(stores.bus, liveChannels.changes, notice);
    },
    onError: (failure) =>
      logger.error(
        {
          err: failure.error,
          position: failure.position?.toString(),
          eventType: failure.eventType,
          attempt: failure.attempt,
        },
        'projection failed; retrying',
      ),
  });
  await projector.start();
  return projector;
}
