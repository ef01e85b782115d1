import { randomUUID } from 'node:crypto';
import type { Actor, CommandMetadata } from '@bishop/domain';

/** Command metadata for tests: a fresh commandId, a fixed clock, the given actor. */
export function by(actor: Actor, overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return { commandId: randomUUID(), actor, now: '2026-11-24T12:00:00.000Z', ...overrides };
}

export const asUser = (userId: string, overrides: Partial<CommandMetadata> = {}) =>
  by({ kind: 'user', userId }, overrides);

export const asSystem = (service = 'worker', overrides: Partial<CommandMetadata> = {}) =>
  by({ kind: 'system', service }, overrides);
