import { changeNoticeSubject, type ChangeNotice as WireNotice } from '@bishop/domain';
import { type ChangeNotice, createProjector, type Projector } from '@bishop/projections';
import type { Logger } from 'pino';
import type { Stores } from '../stores.ts';

/**
 * The projector: follows `$all` into the read models and, after each commit,
 * signals what changed so every gateway can push it to its subscriptions.
 */
export async function startProjector(stores: Stores, logger: Logger): Promise<Projector> {
  const encoder = new TextEncoder();
  const projector = createProjector({
    eventStore: stores.eventStore,
    db: stores.readStore.db,
    schema: stores.readStore.schema,
    onCommitted: (notices) => {
      for (const notice of notices) {
        stores.bus.signal(changeNoticeSubject(notice.ownerId), encoder.encode(JSON.stringify(toWire(notice))));
      }
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

function toWire(notice: ChangeNotice): WireNotice {
  return { ...notice, position: notice.position.toString() };
}
