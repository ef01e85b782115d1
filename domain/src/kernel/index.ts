export * from './actor.ts';
export * from './command.ts';
export * from './decider.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './text.ts';
