import { randomUUID } from 'node:crypto';
import { deterministicUuid } from '@bishop/commands';
import type { CommandMetadata } from '@bishop/domain';
import { callerId, type RequestContext } from '../request-context.ts';

/**
 * Metadata of a command sent on the caller's behalf. A client's idempotency
 * key is scoped to the caller, so two users can never collide on one.
 */
export function commandMetadata(context: RequestContext, clientMutationId?: string | null): CommandMetadata {
  const userId = callerId(context);
  return {
    commandId: clientMutationId ? deterministicUuid('client-mutation', userId, clientMutationId) : randomUUID(),
    actor: { kind: 'user', userId },
    now: new Date().toISOString(),
    correlationId: context.correlationId,
  };
}

/** A new entity id: derived from the idempotency key when there is one, so a retry names the same entity. */
export function newEntityId(context: RequestContext, kind: string, clientMutationId?: string | null): string {
  return clientMutationId
    ? deterministicUuid('client-entity', callerId(context), kind, clientMutationId)
    : randomUUID();
}

/** The common part of every mutation payload. */
export function written(result: { position: bigint; duplicate: boolean }) {
  return { position: result.position, duplicate: result.duplicate };
}
