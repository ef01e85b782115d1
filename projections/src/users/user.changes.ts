import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { UserStreamEvent } from '../events/projected-event.ts';
import type { UserRow } from './users.table.ts';

/** Every personal column of a user: what deleting the account erases. */
export const userPersonalColumns = ['email', 'full_name'] as const;

/** The user's row after one of their events; `undefined` when the event leaves it as it is. */
export function userAfter(user: UserRow | undefined, event: UserStreamEvent): UserRow | undefined {
  switch (event.type) {
    case 'UserRegistered':
      return {
        user_id: event.data.userId,
        email: personal(event, 'email', event.data.email),
        full_name: personal(event, 'fullName', event.data.fullName),
        registered_at: event.occurredAt,
        updated_at: event.occurredAt,
        deleted_at: null,
        erased_fields: erasedColumnsAfter([], event, { email: 'email', fullName: 'full_name' }),
        last_position: event.position,
      };
    case 'UserProfileUpdated':
      return (
        user && {
          ...user,
          full_name: personal(event, 'fullName', event.data.fullName),
          updated_at: event.occurredAt,
          erased_fields: erasedColumnsAfter(user.erased_fields, event, { fullName: 'full_name' }),
          last_position: event.position,
        }
      );
    case 'EmailChanged':
      return (
        user && {
          ...user,
          email: personal(event, 'email', event.data.email),
          updated_at: event.occurredAt,
          erased_fields: erasedColumnsAfter(user.erased_fields, event, { email: 'email' }),
          last_position: event.position,
        }
      );
    case 'AccountDeleted':
      return (
        user && {
          ...user,
          email: null,
          full_name: null,
          deleted_at: event.occurredAt,
          updated_at: event.occurredAt,
          erased_fields: [...userPersonalColumns],
          last_position: event.position,
        }
      );
    default:
      // Password hashes and tokens are not part of the user's row.
      return leftAsIs(ignoredBy.users, event);
  }
}
