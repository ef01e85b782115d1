import { type Actor, systemActor, userActor } from '../../src/kernel/actor.ts';
import type { CommandMetadata } from '../../src/kernel/command.ts';
import { OWNER } from './ids.ts';

export const NOW = '2025-03-01T10:00:00.000Z';

export function meta(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return { commandId: '00000000-0000-4000-8000-00000000c0de', actor: userActor(OWNER), now: NOW, ...overrides };
}

export const worker: Actor = systemActor('worker');

/** A typed command builder for one stream: `avatarCommand('RenameAvatar', { name: 'Anna' })`. */
export function commandsFor<C extends { type: string; data: unknown }>() {
  return <T extends C['type']>(
    type: T,
    data: Extract<C, { type: T }>['data'],
    metadata: Partial<CommandMetadata> = {},
  ) => ({ type, data, metadata: meta(metadata) }) as unknown as Extract<C, { type: T }>;
}
