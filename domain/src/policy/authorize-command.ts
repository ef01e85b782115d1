import type { Actor } from '../kernel/actor.ts';
import { DomainError } from '../kernel/errors.ts';
import { commandPolicy } from './command-policy.ts';
import type { DomainCommandType } from './domain-command.ts';

export function notYours(command: string): DomainError {
  return new DomainError('BISHOP_ERR_NOT_FOUND', 'Nothing with this id exists in your account', { command });
}

/**
 * The handler's check before `decide`: the actor's kind must be allowed and a
 * user must own the stream (else NOT_FOUND, as if it did not exist). `ownerId` is `ownerOf(state)`; it is `null` before
 * the stream exists, where creation commands check ownership in the decider.
 */
export function authorizeCommand(type: DomainCommandType, actor: Actor, ownerId: string | null): void {
  const rule = commandPolicy[type];
  if (actor.kind === 'system') {
    if (rule === 'user') {
      throw new DomainError('BISHOP_ERR_FORBIDDEN', 'This action must be taken by a signed-in user', { command: type });
    }
    return;
  }
  if (rule === 'system') {
    throw new DomainError('BISHOP_ERR_FORBIDDEN', "This action is reserved for Bishop's own services", {
      command: type,
    });
  }
  // Someone else's data answers exactly like data that does not exist: ids must not reveal what exists.
  if (ownerId !== null && ownerId !== actor.userId) throw notYours(type);
}
