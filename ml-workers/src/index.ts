export * from './dubbing/index.ts';
export * from './extraction/index.ts';
export * from './fidelity/index.ts';
export * from './persona/index.ts';
export * from './replies/index.ts';
export * from './runtime/index.ts';
export * from './training/index.ts';
export * from './workers/index.ts';
