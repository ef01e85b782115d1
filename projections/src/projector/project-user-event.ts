import { apiTokenAfter } from '../api-tokens/api-token.changes.ts';
import type { UserStreamEvent } from '../events/projected-event.ts';
import { userAfter } from '../users/user.changes.ts';
import type { BatchRows } from './batch-rows.ts';

const tokenIdOf = (event: UserStreamEvent) => ('tokenId' in event.data ? event.data.tokenId : undefined);

export function declareUserEventRows(event: UserStreamEvent, rows: BatchRows): void {
  rows.want('users', event.streamId);
  const tokenId = tokenIdOf(event);
  if (tokenId !== undefined) rows.want('api_tokens', tokenId);
}

export function projectUserEvent(event: UserStreamEvent, rows: BatchRows): void {
  rows.update('users', event.streamId, event, (user) => userAfter(user, event));
  const tokenId = tokenIdOf(event);
  if (tokenId !== undefined) rows.update('api_tokens', tokenId, event, (token) => apiTokenAfter(token, event));
  if (event.type === 'AccountDeleted') rows.eraseAccount(event.streamId, event.occurredAt);
}
