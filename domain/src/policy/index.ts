export * from './authorize-command.ts';
export * from './command-policy.ts';
export * from './domain-command.ts';
