export { PgliteDriver } from './pglite-driver.ts';
export { createReadStore, type ReadStore, type ReadStoreOptions } from './read-store.ts';
