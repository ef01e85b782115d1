export { createSqlAuthStore, type SqlAuthStoreOptions } from './sql-auth-store.ts';
