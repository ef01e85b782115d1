export * from './call-protocol.ts';
export * from './live-signals.ts';
