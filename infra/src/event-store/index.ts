export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.ts';
