import { describe, it } from 'node:test';
import { createEventStoreDbEventStore } from '@bishop/infra/esdb';
import { eventStoreContract } from './event-store.contract.ts';

/**
 * EventStoreDB is the production store, but no server runs on CI machines.
 * Set BISHOP_ESDB_URL (e.g. esdb://localhost:2113?tls=false) to run the contract.
 */
const url = process.env.BISHOP_ESDB_URL;

if (url) {
  eventStoreContract('EventStoreDB', async () => {
    let store = createEventStoreDbEventStore({ connectionString: url });
    return {
      get store() {
        return store;
      },
      async reopen() {
        await store.close();
        store = createEventStoreDbEventStore({ connectionString: url });
        return store;
      },
      teardown: () => store.close(),
    };
  });
} else {
  console.log('SKIPPED: EventStoreDB contract (BISHOP_ESDB_URL not set)');
  describe('EventStore contract: EventStoreDB', () => {
    it.skip('SKIPPED: EventStoreDB contract (BISHOP_ESDB_URL not set)', () => {});
  });
}
