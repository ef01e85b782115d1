import { createRelay, type Relay } from '@bishop/gateways';
import type { Logger } from 'pino';
import type { Stores } from '../stores.ts';

/** The relay: follows `$all` in the store as written (personal fields sealed) and publishes each event to the bus. */
export async function startRelay(stores: Stores, logger: Logger): Promise<Relay> {
  const relay = createRelay({ eventStore: stores.rawEventStore, bus: stores.bus, logger });
  await relay.start();
  return relay;
}
