export {
  AppendTooLargeError,
  ESDB_DEFAULT_MAX_APPEND_SIZE,
  RECOMMENDED_MAX_APPEND_SIZE,
} from './esdb-append-size.ts';
export { createEventStoreDbEventStore, type EventStoreDbOptions } from './esdb-event-store.ts';
