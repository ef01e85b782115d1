export * from './event-store.ts';
export * from './key-store.ts';
