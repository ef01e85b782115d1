export { createCachingKeyStore } from './caching-key-store.ts';
export { createSqlKeyStore, type SqlKeyStoreOptions } from './sql-key-store.ts';
