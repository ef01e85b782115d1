export * from './aggregate-of.ts';
export * from './blob-store.ts';
export * from './bus.ts';
export * from './event-store.ts';
export * from './key-store.ts';
export * from './live-channel.ts';
