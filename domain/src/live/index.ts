export * from './live-signals.ts';
