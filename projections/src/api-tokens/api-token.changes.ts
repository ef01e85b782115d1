import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { UserStreamEvent } from '../events/projected-event.ts';
import type { ApiTokenRow } from './api-tokens.table.ts';

/** An API token's row after an event of its user (`streamId`); `undefined` when untouched. */
export function apiTokenAfter(token: ApiTokenRow | undefined, event: UserStreamEvent): ApiTokenRow | undefined {
  switch (event.type) {
    case 'ApiTokenIssued':
      return {
        token_id: event.data.tokenId,
        owner_id: event.streamId,
        name: personal(event, 'name', event.data.name),
        token_hash: personal(event, 'tokenHash', event.data.tokenHash),
        issued_at: new Date(event.data.issuedAt),
        revoked_at: null,
        erased_fields: erasedColumnsAfter([], event, { name: 'name', tokenHash: 'token_hash' }),
        last_position: event.position,
      };
    case 'ApiTokenRevoked':
      return token && { ...token, revoked_at: event.occurredAt, last_position: event.position };
    default:
      return leftAsIs(ignoredBy.apiTokens, event);
  }
}
