export type { ChatCommandInput } from '@bishop/domain';
export { type CommandBus, createCommandBus } from './command-bus.ts';
export type { CommandResult } from './command-result.ts';
export { deterministicUuid } from './deterministic-id.ts';
export { type HandleCommandOptions, handleCommand } from './handle-command.ts';
