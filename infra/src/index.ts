export * from './event-store/index.ts';
export * from './key-store/index.ts';
export * from './personal-data/index.ts';
export * from './sql/pg-sql-client.ts';
export * from './sql/pglite-sql-client.ts';
export * from './sql/sql-client.ts';
